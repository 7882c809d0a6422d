import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { build } from 'vite'
import { BRIDGE_TOKEN_META } from '../../src/shared/ipc/transport'

const PAGE_SOURCE = path.resolve(import.meta.dirname, 'page')
/** Under the preview's origin, so the page shares the app's IndexedDB; the preview itself never serves it. */
const BENCH_PATH = '/__bench/'

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }

export interface BenchBundle {
  /** The bench page (index.html) and the floor page (floor.html), served under /__bench/ on the preview's origin. */
  pageDir: string
  /** The probe, one classic script to add to every page before its own. */
  probeScript: string
}

/** Builds the bench page and the probe into a temporary folder: never part of the app's build output. */
export async function buildBenchBundle(): Promise<BenchBundle> {
  const pageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-desk-bench-page-'))
  const common = { configFile: false, root: PAGE_SOURCE, base: './', logLevel: 'warn' } as const
  await build({
    ...common,
    build: {
      outDir: pageDir,
      emptyOutDir: true,
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: { index: path.join(PAGE_SOURCE, 'index.html'), floor: path.join(PAGE_SOURCE, 'floor.html') } },
    },
  })
  const probeDir = path.join(pageDir, 'probe')
  await build({
    ...common,
    build: {
      outDir: probeDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      lib: { entry: path.join(PAGE_SOURCE, 'probe.ts'), formats: ['iife'], name: 'inboxBenchProbe', fileName: () => 'probe.js' },
    },
  })
  return { pageDir, probeScript: fs.readFileSync(path.join(probeDir, 'probe.js'), 'utf8') }
}

/**
 * Answers the bench pages' URLs in this browser context from `pageDir`, with the preview's
 * per-run bridge token written into them as the preview writes it into the app's page.
 * Answers the URL the bench pages live under.
 */
export async function routeBenchPage(context: BrowserContext, previewUrl: string, pageDir: string): Promise<string> {
  const token = await bridgeToken(previewUrl)
  const origin = new URL(previewUrl).origin
  await context.route(`${origin}${BENCH_PATH}**`, async (route) => {
    const relative = new URL(route.request().url()).pathname.slice(BENCH_PATH.length) || 'index.html'
    const file = path.join(pageDir, relative)
    if (!file.startsWith(pageDir + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404 })
    let body = fs.readFileSync(file)
    if (relative.endsWith('.html')) {
      body = Buffer.from(body.toString('utf8').replace('</head>', `<meta name="${BRIDGE_TOKEN_META}" content="${token}">\n</head>`))
    }
    return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' })
  })
  return `${origin}${BENCH_PATH}`
}

export async function unrouteBenchPage(context: BrowserContext, previewUrl: string): Promise<void> {
  await context.unroute(`${new URL(previewUrl).origin}${BENCH_PATH}**`)
}

/** The token the preview writes into its page. Read again on a 404: a build elsewhere may be rewriting out/renderer. */
async function bridgeToken(previewUrl: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const html = await (await fetch(previewUrl)).text()
    const token = new RegExp(`<meta name="${BRIDGE_TOKEN_META}" content="([^"]+)">`).exec(html)?.[1]
    if (token) return token
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('The preview page carries no bridge token')
}
