import { toKnownNetwork } from '../../shared/domain/network'
import type { CredentialRow } from '../db/rows'

/** Statuses the API is known to refuse a reply from; anything else is offered. */
const UNUSABLE_STATUSES: ReadonlySet<string> = new Set(['expired', 'disconnected', 'inactive', 'revoked', 'error'])

export interface CredentialOption {
  credential: CredentialRow
  isUsable: boolean
}

/**
 * The profiles a reply on this network can be sent as, by name. Networks are compared the way
 * the reply rules compare them ("X" is Twitter, case doesn't matter).
 */
export function credentialOptions(credentials: readonly CredentialRow[], network: string): CredentialOption[] {
  const wanted = toKnownNetwork(network) ?? network
  return credentials
    .filter((credential) => (toKnownNetwork(credential.network) ?? credential.network) === wanted)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((credential) => ({ credential, isUsable: !UNUSABLE_STATUSES.has(credential.status.trim().toLowerCase()) }))
}
