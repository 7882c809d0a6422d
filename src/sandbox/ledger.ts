/**
 * Every mutation the sandbox applied, in order, including those whose answer a fault then
 * dropped. Tests read it to prove "sent once, in order" instead of trusting the client.
 */

export interface LedgerEntry {
  seq: number
  /** ISO time from the sandbox clock. */
  at: string
  method: string
  path: string
  /** The decoded form fields (Oktopost) or JSON body (CommBox). */
  params: unknown
  status: number
}

export class Ledger {
  private entries: LedgerEntry[] = []

  constructor(private readonly now: () => number) {}

  record(method: string, path: string, params: unknown, status: number): void {
    this.entries.push({
      seq: this.entries.length + 1,
      at: new Date(this.now()).toISOString(),
      method,
      path,
      params,
      status,
    })
  }

  list(): readonly LedgerEntry[] {
    return this.entries
  }

  clear(): void {
    this.entries = []
  }
}
