// Runs the outbox soak test and prints its one-line summary last, whatever vitest printed.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const summaryFile = new URL('../test-results/soak-summary.txt', import.meta.url)
fs.rmSync(summaryFile, { force: true })
const run = spawnSync('npx', ['vitest', 'run', '--project', 'soak'], { stdio: 'inherit' })
const summary = fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8').trim() : 'soak: no summary (the soak test did not finish)'
console.log(summary)
process.exit(run.status ?? 1)
