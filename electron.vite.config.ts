import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { contentSecurityPolicyForMeta } from './src/main/security/csp'

/** The page carries its CSP from the first byte, in Electron and in the browser preview alike. */
function contentSecurityPolicyMeta(isDevelopment: boolean): Plugin {
  return {
    name: 'inbox-desk-csp-meta',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyForMeta({ isDevelopment })}">`,
      ),
  }
}

export default defineConfig(({ command }) => ({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with its dependencies bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    plugins: [vue(), contentSecurityPolicyMeta(command === 'serve')],
    build: {
      // Smaller bundles parse and start faster: cold start is the first thing an agent waits for.
      minify: 'esbuild',
      // One stylesheet, linked from the page: the first screen is painted from a copy of the app's
      // markup before the app's code loads (src/renderer/boot/firstScreen.ts), and needs every style.
      cssCodeSplit: false,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
}))
