/** The app's identity for the OS (Windows notifications, macOS bundle id); electron-builder.config.cjs uses the same. */
export const APP_ID = 'io.inboxdesk.app'
