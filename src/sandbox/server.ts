/**
 * A local Oktopost v2 + CommBox server with seeded data, fault injection and a ledger,
 * for tests and the demo workspace. See README.md beside this file.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { commboxSurface } from './commbox/surface'
import { oktopostSurface } from './oktopost/surface'
import { SANDBOX_HOST, resolveOptions, type SandboxOptions } from './options'
import { requestPipeline } from './pipeline'
import { SandboxState } from './state'

export { SANDBOX_DEFAULTS, SANDBOX_HOST, type SandboxOptions } from './options'

export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:50123` */
  url: string
  /** `url + '/v2'` */
  oktopostBaseUrl: string
  /** `url + '/commbox'` */
  commboxBaseUrl: string
  options: SandboxOptions
  /**
   * Cuts the network, as a test sees it: the port stops accepting connections (clients get
   * "connection refused") while the state is kept; `reconnect` listens on the same port again.
   */
  disconnect(): Promise<void>
  reconnect(): Promise<void>
  close(): Promise<void>
}

export async function startSandbox(overrides: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const options = resolveOptions(overrides)
  const state = new SandboxState(options)
  const handle = requestPipeline(state, [oktopostSurface(state), commboxSurface(state)])
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('sandbox: request failed', error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  await listen(server, options.port)
  const { port } = server.address() as AddressInfo
  const url = `http://${SANDBOX_HOST}:${port}`
  return {
    url,
    oktopostBaseUrl: `${url}/v2`,
    commboxBaseUrl: `${url}/commbox`,
    options: { ...options, port },
    disconnect: () => (server.listening ? close(server) : Promise.resolve()),
    reconnect: () => (server.listening ? Promise.resolve() : listen(server, port)),
    close: () => (server.listening ? close(server) : Promise.resolve()),
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, SANDBOX_HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** Also drops idle keep-alive connections, which would otherwise hold close() open. */
function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}
