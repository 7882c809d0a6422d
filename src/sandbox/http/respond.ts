import type { ServerResponse } from 'node:http'

/** What a route answers, before faults decide whether and how it is delivered. */
export interface HttpAnswer {
  status: number
  body: unknown
  headers?: Readonly<Record<string, string>>
}

export function sendAnswer(response: ServerResponse, answer: HttpAnswer): void {
  sendText(response, answer.status, JSON.stringify(answer.body), answer.headers)
}

/** Also used to send deliberately broken JSON, so it takes text rather than a value. */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  })
  response.end(text)
}
