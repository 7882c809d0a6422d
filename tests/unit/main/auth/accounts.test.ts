import { describe, expect, it } from 'vitest'
import {
  accountKeyOf,
  accountList,
  activateAccount,
  activeAccount,
  isLoopbackEndpoint,
  NO_ACCOUNTS,
  removeAccount,
  upsertAccount,
} from '../../../../src/main/auth/accounts'
import type { StoredAccount } from '../../../../src/main/auth/vault'

function account(accountId: string, overrides: Partial<StoredAccount> = {}): StoredAccount {
  return {
    accountId,
    apiKey: `key-of-${accountId}`,
    endpoint: { region: 'us' },
    user: { id: '00U1', name: 'Jane', email: 'jane@example.com', lastLoginAt: null },
    account: { id: accountId, name: `Org ${accountId}` },
    isDemo: false,
    lastUsedAt: 1,
    ...overrides,
  }
}

describe('the stored accounts', () => {
  it('adds each sign-in as the active account, most recent first in the list', () => {
    const state = upsertAccount(upsertAccount(NO_ACCOUNTS, account('A', { lastUsedAt: 1 })), account('B', { lastUsedAt: 2 }))
    expect(activeAccount(state)?.accountId).toBe('B')
    expect(accountList(state).accounts.map((summary) => [summary.account.id, summary.isActive])).toEqual([
      ['B', true],
      ['A', false],
    ])
  })

  it('replaces a sign-in to the same account and user instead of adding another', () => {
    const state = upsertAccount(upsertAccount(NO_ACCOUNTS, account('A')), account('A', { apiKey: 'new-key' }))
    expect(state.accounts).toHaveLength(1)
    expect(state.accounts[0]?.apiKey).toBe('new-key')
  })

  it('keeps one demo workspace whatever port its sandbox got', () => {
    const demoAt = (port: number) => account('DEMO', { isDemo: true, endpoint: { baseUrl: `http://127.0.0.1:${port}/v2` } })
    const state = upsertAccount(upsertAccount(NO_ACCOUNTS, demoAt(4010)), demoAt(5123))
    expect(state.accounts).toHaveLength(1)
    expect(state.accounts[0]?.endpoint).toEqual({ baseUrl: 'http://127.0.0.1:5123/v2' })
  })

  it('tells the same account id in different data centres apart', () => {
    expect(accountKeyOf(account('A', { endpoint: { region: 'us' } }))).not.toBe(accountKeyOf(account('A', { endpoint: { region: 'eu' } })))
  })

  it('switches the active account and marks when it was last used', () => {
    const state = upsertAccount(upsertAccount(NO_ACCOUNTS, account('A')), account('B'))
    const switched = activateAccount(state, accountKeyOf(account('A')), 99)
    expect(activeAccount(switched!)).toMatchObject({ accountId: 'A', lastUsedAt: 99 })
    expect(activateAccount(state, 'nobody', 99)).toBeNull()
  })

  it('leaves no account active when the active one is removed, and the others untouched', () => {
    const state = upsertAccount(upsertAccount(NO_ACCOUNTS, account('A')), account('B'))
    const afterActive = removeAccount(state, accountKeyOf(account('B')))
    expect(afterActive.activeKey).toBeNull()
    expect(afterActive.accounts.map((stored) => stored.accountId)).toEqual(['A'])
    const afterOther = removeAccount(state, accountKeyOf(account('A')))
    expect(activeAccount(afterOther)?.accountId).toBe('B')
  })

  it('never lists a key or a token', () => {
    const state = upsertAccount(NO_ACCOUNTS, account('A', { commbox: { token: 'cbx-secret', baseUrl: 'https://api.commbox.io' } }))
    const listed = JSON.stringify(accountList(state))
    expect(listed).not.toContain('key-of-A')
    expect(listed).not.toContain('cbx-secret')
  })

  it('knows a loopback endpoint from a data centre', () => {
    expect(isLoopbackEndpoint({ baseUrl: 'http://127.0.0.1:4010/v2' })).toBe(true)
    expect(isLoopbackEndpoint({ baseUrl: 'https://proxy.example.com/v2' })).toBe(false)
    expect(isLoopbackEndpoint({ region: 'eu' })).toBe(false)
  })
})
