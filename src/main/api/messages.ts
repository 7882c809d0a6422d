/** What the agent reads when an API call fails; one place so it can be translated later. */
export type Service = 'Oktopost' | 'CommBox'

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

export const API_MESSAGES = {
  network: (service: Service, detail: string) => `Couldn't reach ${service} (${detail}); nothing was sent`,
  timeout: (service: Service, timeoutMs: number) =>
    `${service} didn't answer within ${seconds(timeoutMs)} s; the request may still have reached it`,
  unknownOutcome: (service: Service, detail: string) =>
    `The connection to ${service} broke after the request was sent (${detail}); it may or may not have been applied`,
  rateLimited: (service: Service, retryAfterMs: number) =>
    `${service} asked Inbox Desk to slow down; trying again in ${seconds(retryAfterMs)} s`,
  unauthorized: (service: Service) => `${service} didn't accept the saved credentials; sign in again`,
  forbidden: (service: Service) => `Your ${service} user isn't allowed to do that`,
  notFound: (service: Service) => `${service} has no such item, or you have no access to it`,
  conflict: (service: Service) => `${service} refused the change because it conflicts with existing data`,
  invalid: (service: Service) => `${service} refused the request`,
  server: (service: Service, status: number) => `${service} had a problem (HTTP ${status}); try again later`,
  unexpectedStatus: (service: Service, status: number) => `${service} answered with an unexpected HTTP ${status}`,
  malformedJson: (service: Service, operation: string, detail: string) =>
    `${service} answered ${operation} with malformed JSON (${detail})`,
  unexpectedShape: (service: Service, operation: string, detail: string) =>
    `${service} answered ${operation} in an unexpected shape: ${detail}`,
  tooLarge: (service: Service, maxBytes: number) =>
    `${service} sent an answer larger than ${Math.round(maxBytes / (1024 * 1024))} MB; Inbox Desk stopped reading it`,
  invalidInput: 'Some fields need fixing before this can be sent',
  missingId: 'Missing id',
  notAnId: 'Not a valid id',
} as const
