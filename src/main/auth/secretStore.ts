import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Where encrypted secrets rest, by name. Only ever sees cipher output. */
export interface SecretStore {
  read(name: string): Promise<Uint8Array | null>
  write(name: string, data: Uint8Array): Promise<void>
  delete(name: string): Promise<void>
}

export function createMemorySecretStore(): SecretStore {
  const entries = new Map<string, Uint8Array>()
  return {
    read: async (name) => entries.get(name) ?? null,
    write: async (name, data) => {
      entries.set(name, new Uint8Array(data))
    },
    delete: async (name) => {
      entries.delete(name)
    },
  }
}

interface SecretFile {
  version: 1
  secrets: Record<string, string>
}

function parseSecretFile(text: string): SecretFile {
  try {
    const json = JSON.parse(text) as Partial<SecretFile> | null
    const secrets = json?.secrets
    if (json?.version !== 1 || typeof secrets !== 'object' || secrets === null) return { version: 1, secrets: {} }
    return {
      version: 1,
      secrets: Object.fromEntries(Object.entries(secrets).filter(([, value]) => typeof value === 'string')),
    }
  } catch {
    // Only re-enterable secrets live here; an unreadable file means "none" and is replaced on the next write.
    return { version: 1, secrets: {} }
  }
}

/**
 * One JSON file of base64 cipher output, readable by this user only. Writes go to a temporary
 * file that is flushed and renamed over the old one, so a crash leaves the old or the new
 * file, never half of one; writes are queued so two saves can't interleave.
 */
export function createFileSecretStore(filePath: string): SecretStore {
  let queue: Promise<unknown> = Promise.resolve()

  async function load(): Promise<SecretFile> {
    try {
      return parseSecretFile(await readFile(filePath, 'utf8'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} }
      throw error
    }
  }

  async function save(file: SecretFile): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true, mode: 0o700 })
    const temporaryPath = `${filePath}.${randomBytes(6).toString('hex')}.tmp`
    const handle = await open(temporaryPath, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(file), 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    try {
      await rename(temporaryPath, filePath)
    } catch (error) {
      await rm(temporaryPath, { force: true })
      throw error
    }
  }

  function update(change: (secrets: Record<string, string>) => void): Promise<void> {
    const next = queue.then(async () => {
      const file = await load()
      change(file.secrets)
      await save(file)
    })
    queue = next.catch(() => undefined)
    return next
  }

  return {
    read: async (name) => {
      await queue
      const encoded = (await load()).secrets[name]
      return encoded === undefined ? null : new Uint8Array(Buffer.from(encoded, 'base64'))
    },
    write: (name, data) =>
      update((secrets) => {
        secrets[name] = Buffer.from(data).toString('base64')
      }),
    delete: (name) =>
      update((secrets) => {
        delete secrets[name]
      }),
  }
}
