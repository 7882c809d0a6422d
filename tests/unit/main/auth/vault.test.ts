import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryCipher, type SecretCipher } from '../../../../src/main/auth/secretCipher'
import { createFileSecretStore, createMemorySecretStore } from '../../../../src/main/auth/secretStore'
import { createCredentialVault, type OktopostSecret } from '../../../../src/main/auth/vault'

const secret: OktopostSecret = {
  accountId: '00A0000000DEMO1',
  apiKey: 'very-secret-api-key',
  endpoint: { region: 'eu' },
  user: { id: '00A1', name: 'Jane', email: 'jane@example.com', lastLoginAt: null },
  account: { id: '00A0000000DEMO1', name: 'Acme' },
}

/** What Electron's safeStorage amounts to on Linux without a keyring. */
function plainTextCipher(): SecretCipher {
  return {
    isEncryptionAvailable: () => true,
    backend: () => 'basic_text',
    encrypt: (plain) => new TextEncoder().encode(plain),
    decrypt: (data) => new TextDecoder().decode(data),
  }
}

const directories: string[] = []
afterEach(async () => {
  await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })))
})

async function temporaryFile(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'inbox-desk-vault-'))
  directories.push(directory)
  return join(directory, 'nested', 'secrets.json')
}

describe('credential vault', () => {
  it('stores the key encrypted: the file never contains it in clear', async () => {
    const path = await temporaryFile()
    const vault = createCredentialVault({ cipher: createMemoryCipher(), store: createFileSecretStore(path) })
    expect(await vault.oktopost.save(secret)).toEqual({ ok: true, value: null })
    const onDisk = await readFile(path, 'utf8')
    expect(onDisk).not.toContain('very-secret-api-key')
    expect(Buffer.from(JSON.parse(onDisk).secrets.oktopost, 'base64').toString('latin1')).not.toContain('very-secret-api-key')
    expect(await vault.oktopost.load()).toEqual({ ok: true, value: secret })
  })

  it('refuses to store with a plain-text backend and says why', async () => {
    const store = createMemorySecretStore()
    const vault = createCredentialVault({ cipher: plainTextCipher(), store })
    const result = await vault.oktopost.save(secret)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { storage: expect.stringContaining('plain text') } } })
    expect(await store.read('oktopost')).toBeNull()
  })

  it('stores with a plain-text backend only when explicitly allowed, warning loudly', async () => {
    const warnings: string[] = []
    const vault = createCredentialVault({
      cipher: plainTextCipher(),
      store: createMemorySecretStore(),
      allowPlainText: true,
      warn: (message) => warnings.push(message),
    })
    expect((await vault.oktopost.save(secret)).ok).toBe(true)
    expect(warnings).toEqual([expect.stringMatching(/^WARNING: .*basic_text.*NOT encrypt/)])
  })

  it('refuses when encryption is unavailable, even if plain text is allowed', async () => {
    const cipher: SecretCipher = { ...createMemoryCipher(), isEncryptionAvailable: () => false }
    const vault = createCredentialVault({ cipher, store: createMemorySecretStore(), allowPlainText: true })
    expect(await vault.commbox.save({ token: 't', baseUrl: 'https://api.commbox.io' })).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })

  it('wipes an entry on clear and leaves the others', async () => {
    const path = await temporaryFile()
    const vault = createCredentialVault({ cipher: createMemoryCipher(), store: createFileSecretStore(path) })
    await vault.oktopost.save(secret)
    await vault.commbox.save({ token: 'commbox-token', baseUrl: 'https://api.commbox.io' })
    await vault.oktopost.clear()
    expect(await vault.oktopost.load()).toEqual({ ok: true, value: null })
    expect(await vault.commbox.load()).toMatchObject({ ok: true, value: { token: 'commbox-token' } })
    expect(JSON.parse(await readFile(path, 'utf8')).secrets).not.toHaveProperty('oktopost')
  })

  it('answers an error, not a half-valid credential, when an entry cannot be decrypted', async () => {
    const store = createMemorySecretStore()
    await createCredentialVault({ cipher: createMemoryCipher(), store }).oktopost.save(secret)
    const otherProcess = createCredentialVault({ cipher: createMemoryCipher(), store })
    expect(await otherProcess.oktopost.load()).toMatchObject({ ok: false, error: { kind: 'internal' } })
  })
})

describe('file secret store', () => {
  it('survives concurrent writes without losing one', async () => {
    const store = createFileSecretStore(await temporaryFile())
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => store.write(name, new Uint8Array([name.charCodeAt(0)]))))
    for (const name of ['a', 'b', 'c', 'd']) expect(await store.read(name)).toEqual(new Uint8Array([name.charCodeAt(0)]))
  })

  it('reads a missing or corrupt file as empty', async () => {
    const path = await temporaryFile()
    const store = createFileSecretStore(path)
    expect(await store.read('x')).toBeNull()
    await store.write('x', new Uint8Array([1]))
    const { writeFile } = await import('node:fs/promises')
    await writeFile(path, '{broken', 'utf8')
    expect(await store.read('x')).toBeNull()
  })
})
