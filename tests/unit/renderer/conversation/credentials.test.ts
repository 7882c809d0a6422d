import { describe, expect, it } from 'vitest'
import { credentialOptions } from '../../../../src/renderer/conversation/credentials'
import type { CredentialRow } from '../../../../src/renderer/db/rows'

const credential = (id: string, network: string, displayName: string, status = 'active'): CredentialRow => ({
  id,
  createdAt: null,
  name: `${displayName} (${network})`,
  displayName,
  status,
  network,
  imageLink: null,
  networkUsername: null,
})

describe('reply-as options', () => {
  const all = [
    credential('1', 'Instagram', 'Acme Inc'),
    credential('2', 'Instagram', 'Acme Old Brand', 'expired'),
    credential('3', 'Facebook', 'Acme Support'),
    credential('4', 'X', 'Acme Help'),
  ]

  it('offers the profiles of the conversation’s network, and marks expired ones unusable', () => {
    expect(credentialOptions(all, 'Instagram').map((option) => [option.credential.id, option.isUsable])).toEqual([
      ['1', true],
      ['2', false],
    ])
  })

  it('treats X and Twitter as one network', () => {
    expect(credentialOptions(all, 'Twitter').map((option) => option.credential.id)).toEqual(['4'])
  })
})
