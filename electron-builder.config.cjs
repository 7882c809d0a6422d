/**
 * Packaging for Linux, macOS and Windows: `npm run dist` builds with electron-vite, then
 * electron-builder wraps out/ with Electron for the platform it runs on (add --linux, --mac or
 * --win to choose). Installers land in dist/.
 *
 * The fuses are flipped in the packaged Electron binary before signing, so the shipped app
 * cannot be turned into a general Node runtime or debugger, and loads only its own verified
 * app.asar.
 *
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  // Keep in step with src/main/electron/appId.ts (the unit test checks it).
  appId: 'io.inboxdesk.app',
  productName: 'Inbox Desk',
  copyright: 'Copyright © Inbox Desk',
  directories: { output: 'dist' },
  // electron-vite's output only; production dependencies are added by electron-builder.
  files: ['out/**', 'package.json'],
  asar: true,
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node runtime.
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    // The renderer is served from app://, never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  mac: {
    target: ['dmg', 'zip'],
    category: 'public.app-category.business',
    hardenedRuntime: true,
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Inbox Desk',
  },
}
