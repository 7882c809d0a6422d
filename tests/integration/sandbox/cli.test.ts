import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../../src/sandbox/cliArgs'
import { basicAuth, type Json } from './support'

const LISTENING = /^Sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/

/** In its own process group, so that stopping it reaches npx, tsx and the sandbox alike. */
function spawnCli(args: string[]): ChildProcess {
  return spawn('npx', ['tsx', 'src/sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
}

function stopGroup(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
}

/** Resolves with the URL from the listening line, and every line printed before the child exits. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const match = LISTENING.exec(line)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code} before listening`)))
  })
}

describe('npm run sandbox (src/sandbox/cli.ts)', () => {
  it('prints its URL once it accepts requests, serves the configured account, and stops on SIGTERM', async () => {
    const child = spawnCli(['--port', '0', '--account-id', '00A0000000CLI01', '--api-key', 'cli-key', '--conversations', '25'])
    const output: string[] = []
    createInterface({ input: child.stdout! }).on('line', (line) => output.push(line))
    let url = ''
    try {
      url = await listeningUrl(child)
      const me = await fetch(`${url}/v2/me`, { headers: { authorization: basicAuth('00A0000000CLI01', 'cli-key') } })
      expect(me.status).toBe(200)
      expect(((await me.json()) as Json).Account.Id).toBe('00A0000000CLI01')
      expect(output.filter((line) => LISTENING.test(line))).toHaveLength(1)
      expect(output.join('\n')).toContain("curl -u '00A0000000CLI01:cli-key'")
    } finally {
      const exited = once(child, 'exit')
      stopGroup(child)
      await exited
    }
    await expect(fetch(`${url}/__sandbox/health`)).rejects.toThrow()
  }, 30_000)

  it('exits with code 2 and a clear message for a bad argument', async () => {
    const child = spawnCli(['--conversations', 'lots'])
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(stderr).toContain('--conversations needs a whole number, got "lots"')
  }, 30_000)
})

describe('parseCliArgs', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseCliArgs([
      '--port', '8080', '--account-id=ACC', '--api-key', 'KEY', '--commbox-token', 'TOK',
      '--salesforce-integration', 'sfint1', '--seed', '-3', '--conversations=100000', '--rate-limit',
    ])).toEqual({
      kind: 'start',
      options: {
        port: 8080, accountId: 'ACC', apiKey: 'KEY', commboxToken: 'TOK',
        salesforceIntegrationId: 'sfint1', seed: -3, conversations: 100_000, rateLimit: true,
      },
    })
  })

  it.each([
    [['--verbose'], 'Unknown argument: --verbose'],
    [['--port'], '--port needs a value'],
    [['--port', '--seed', '2'], '--port needs a value'],
    [['--seed', '1.5'], '--seed needs a whole number, got "1.5"'],
    [['--rate-limit=yes'], '--rate-limit takes no value'],
  ])('refuses %j', (args, message) => {
    expect(parseCliArgs(args)).toEqual({ kind: 'invalid', message })
  })
})
