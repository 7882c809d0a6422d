/** Command-line flags of `npm run sandbox`, parsed without side effects so they can be tested. */
import type { SandboxOptions } from './options'

export type CliCommand =
  | { kind: 'start'; options: Partial<SandboxOptions> }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string }

export const USAGE = `Usage: npm run sandbox -- [--port N] [--account-id ID] [--api-key KEY] [--commbox-token T]
                          [--salesforce-integration ID] [--seed N] [--conversations N] [--rate-limit]`

type Flag =
  | { option: 'accountId' | 'apiKey' | 'commboxToken' | 'salesforceIntegrationId'; kind: 'text' }
  | { option: 'port' | 'seed' | 'conversations'; kind: 'integer' }
  | { option: 'rateLimit'; kind: 'switch' }

const FLAGS: Readonly<Record<string, Flag>> = {
  '--port': { option: 'port', kind: 'integer' },
  '--account-id': { option: 'accountId', kind: 'text' },
  '--api-key': { option: 'apiKey', kind: 'text' },
  '--commbox-token': { option: 'commboxToken', kind: 'text' },
  '--salesforce-integration': { option: 'salesforceIntegrationId', kind: 'text' },
  '--seed': { option: 'seed', kind: 'integer' },
  '--conversations': { option: 'conversations', kind: 'integer' },
  '--rate-limit': { option: 'rateLimit', kind: 'switch' },
}

/** Accepts `--flag value` and `--flag=value`. */
export function parseCliArgs(args: readonly string[]): CliCommand {
  const options: Partial<Record<keyof SandboxOptions, unknown>> = {}
  for (let position = 0; position < args.length; position += 1) {
    const arg = args[position] ?? ''
    if (arg === '--help' || arg === '-h') return { kind: 'help' }
    const [name = '', inlineValue] = arg.split(/=(.*)/s, 2)
    const flag = FLAGS[name]
    if (flag === undefined) return { kind: 'invalid', message: `Unknown argument: ${arg}` }
    if (flag.kind === 'switch') {
      if (inlineValue !== undefined) return { kind: 'invalid', message: `${name} takes no value` }
      options[flag.option] = true
      continue
    }
    const value = inlineValue ?? args[++position]
    if (value === undefined || value === '' || (inlineValue === undefined && value.startsWith('--'))) {
      return { kind: 'invalid', message: `${name} needs a value` }
    }
    if (flag.kind === 'integer' && !/^-?\d+$/.test(value)) {
      return { kind: 'invalid', message: `${name} needs a whole number, got "${value}"` }
    }
    options[flag.option] = flag.kind === 'integer' ? Number(value) : value
  }
  return { kind: 'start', options: options as Partial<SandboxOptions> }
}
