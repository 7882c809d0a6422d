/**
 * `npm run sandbox`: starts the sandbox and prints `Sandbox listening on <url>` once it
 * accepts requests (tests wait for that line). Exit codes: 0 stopped by signal,
 * 1 could not start (e.g. port in use), 2 bad arguments.
 */
import { parseCliArgs, USAGE } from './cliArgs'
import { startSandbox, type RunningSandbox } from './server'

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2))
  if (command.kind === 'help') {
    console.log(USAGE)
    return
  }
  if (command.kind === 'invalid') {
    exitWith(2, `${command.message}\n${USAGE}`)
    return
  }
  let sandbox: RunningSandbox
  try {
    sandbox = await startSandbox(command.options)
  } catch (error) {
    const isBadOption = error instanceof RangeError
    exitWith(isBadOption ? 2 : 1, `Could not start the sandbox: ${(error as Error).message}`)
    return
  }
  printBanner(sandbox)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void sandbox.close().finally(() => process.exit(0))
    })
  }
}

function printBanner({ url, oktopostBaseUrl, commboxBaseUrl, options }: RunningSandbox): void {
  const basic = `${options.accountId}:${options.apiKey}`
  console.log(`Sandbox listening on ${url}`)
  console.log(`  Oktopost v2: ${oktopostBaseUrl}  (HTTP Basic, account id ${options.accountId}, API key ${options.apiKey})`)
  console.log(`  CommBox:     ${commboxBaseUrl}  (Authorization: Bearer ${options.commboxToken})`)
  console.log(`  Try:         curl -u '${basic}' '${oktopostBaseUrl}/conversation?status=open&_count=5'`)
  console.log(`  Controls:    ${url}/__sandbox/health  (faults, inbound, ledger, reset: see src/sandbox/README.md)`)
  console.log(`  Seed ${options.seed}, ${options.conversations} conversations${options.rateLimit ? ', rate limits on' : ''}. Ctrl+C stops.`)
}

function exitWith(code: number, message: string): void {
  console.error(message)
  process.exitCode = code
}

await main()
