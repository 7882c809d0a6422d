/** What the agent reads about signing in and stored secrets; one place for translation later. */
export const AUTH_MESSAGES = {
  encryptionUnavailable:
    "This computer offers no way to encrypt the API key (no OS keychain is available), so Inbox Desk won't store it",
  plainTextRefused:
    "This computer's keyring isn't available, so the API key could only be saved in plain text; Inbox Desk won't do that. Unlock or install a keyring (GNOME Keyring, KWallet) and sign in again",
  plainTextWarning: (backend: string) =>
    `WARNING: secrets are being stored with the "${backend}" backend, which does NOT encrypt them. Anyone who can read this user's files can read the Oktopost API key and CommBox token.`,
  unreadable: 'The saved sign-in could not be read (the keychain may have changed); sign in again',
  storageFailed: (detail: string) => `The sign-in could not be saved (${detail})`,
  accountIdRequired: 'Enter the Account ID (Oktopost: My Profile -> API)',
  apiKeyRequired: 'Enter the API key (Oktopost: My Profile -> API)',
  tokenRequired: 'Enter the CommBox API key',
  rejected: "Oktopost didn't accept this Account ID and API key",
  notPermitted: "This API key isn't allowed to read the account",
  notSignedIn: 'Sign in to Oktopost first',
  noCommboxToken: 'Add a CommBox API key first',
  unknownAccount: 'That account is no longer signed in on this computer',
} as const
