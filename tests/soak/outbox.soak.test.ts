import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { InboxDatabase } from '../../src/renderer/db/database'
import { toConversationRow } from '../../src/renderer/db/rows'
import { createIpcClient } from '../../src/renderer/ipc/client'
import { resend } from '../../src/renderer/sync/outbox/actions'
import { OutboxEngine } from '../../src/renderer/sync/outbox/engine'
import { enqueue } from '../../src/renderer/sync/outbox/enqueue'
import type { OutboxEntry } from '../../src/renderer/sync/outbox/entry'
import type { Operation } from '../../src/renderer/sync/outbox/operations'
import { createIpcRemote } from '../../src/renderer/sync/remote'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { replyCapability } from '../../src/shared/replyRules'
import { ManualClock } from '../support/manualClock'
import { createTestServices } from '../support/mainServices'
import { sandboxControl, type LedgerEntry } from '../support/sandboxControl'
import { FlakyLink } from '../support/sync/flakyLink'
import { inProcessApi, ME_ID, UNLIMITED } from '../support/sync/harness'

/**
 * The soak: several agents queue over a thousand mixed changes against a sandbox that
 * resets, drops, garbles, rate-limits and fails requests, through offline periods and engine
 * crashes. Then the sandbox's ledger is compared with what was queued: nothing lost, nothing
 * sent twice, and whatever could not be sent is waiting for the agent with the server's reason.
 */
const AGENTS = 3
const OPS_PER_AGENT = Number(process.env['SOAK_OPS_PER_AGENT'] ?? 350)
const SUMMARY_FILE = path.resolve(import.meta.dirname, '../../test-results/soak-summary.txt')
const INTEGRATION_ID = 'sfint-soak'

interface Agent {
  name: string
  db: InboxDatabase
  link: FlakyLink
  engine: OutboxEngine
  replyConversations: string[]
  statusConversations: string[]
  ops: { id: string; operation: Operation }[]
}

let sandbox: RunningSandbox
const clock = new ManualClock(Date.now())
let seed = 20261121
function random(): number {
  seed = (seed * 1664525 + 1013904223) % 4294967296
  return seed / 4294967296
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

beforeAll(async () => {
  sandbox = await startSandbox({ conversations: 300, salesforceIntegrationId: INTEGRATION_ID, seed: 7 })
})

afterAll(async () => {
  await sandbox.close()
})

async function createAgent(index: number, openConversations: { id: string; network: string; itemType: string }[]): Promise<Agent> {
  const services = createTestServices({ rateWindows: UNLIMITED })
  const session = await services.auth.signIn({ accountId: sandbox.options.accountId, apiKey: sandbox.options.apiKey, baseUrl: sandbox.url })
  if (!session.ok) throw new Error(session.error.message)
  await services.auth.setCommboxToken({ token: sandbox.options.commboxToken, baseUrl: sandbox.commboxBaseUrl })
  const remote = createIpcRemote(createIpcClient(inProcessApi(services)))
  const db = new InboxDatabase(`soak-${index}-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
  const mine = openConversations.filter((_, position) => position % AGENTS === index)
  for (const conversation of mine) {
    const full = await remote.getConversation(conversation.id, 'user')
    if (full.ok) await db.conversations.put(toConversationRow(full.value))
  }
  const repliable = mine.filter((c) => replyCapability(c as never).canReply)
  const link = new FlakyLink(remote)
  const agent: Agent = {
    name: `agent${index + 1}`,
    db,
    link,
    engine: newEngine(db, link),
    replyConversations: repliable.slice(0, Math.ceil(repliable.length / 2)).map((c) => c.id),
    statusConversations: mine.filter((c) => !repliable.slice(0, Math.ceil(repliable.length / 2)).includes(c)).map((c) => c.id),
    ops: [],
  }
  await agent.engine.start()
  return agent
}

function newEngine(db: InboxDatabase, link: FlakyLink): OutboxEngine {
  return new OutboxEngine({ db, remote: link.remoteForEngine(), clock, random, meId: () => ME_ID })
}

/** A mixed operation; every text and name is unique so the ledger can tell copies apart. */
function nextOperation(agent: Agent, serial: number): Operation {
  const tag = `${agent.name}-${serial}`
  const roll = random()
  if (roll < 0.3) {
    const conversationId = pick(agent.replyConversations)
    return { kind: 'reply', conversationId, network: '', itemType: 'Post', message: `reply ${tag}` }
  }
  if (roll < 0.5) return { kind: 'note', conversationId: pick([...agent.replyConversations, ...agent.statusConversations]), note: `note ${tag}` }
  if (roll < 0.65) return { kind: 'setStatus', conversationId: pick(agent.statusConversations), status: random() < 0.5 ? 'closed' : 'open' }
  if (roll < 0.75) {
    const withNote = random() < 0.4
    return { kind: 'assign', conversationId: pick(agent.statusConversations), assigneeId: `00A00000000000${1 + Math.floor(random() * 6)}`, ...(withNote ? { note: `assign ${tag}` } : {}) }
  }
  if (roll < 0.85) return { kind: 'replaceTags', conversationId: pick(agent.statusConversations), tags: [`t-${tag}`, 'Support'] }
  if (roll < 0.9) {
    const isDuplicate = random() < 0.15
    return { kind: 'createCannedResponse', name: isDuplicate ? `Welcome Reply` : `canned ${tag}`, content: `content ${tag}`, visibility: 'shared' }
  }
  if (roll < 0.95) {
    const isMisconfigured = random() < 0.4
    return { kind: 'createCase', conversationId: pick(agent.statusConversations), integrationId: isMisconfigured ? 'sfint-wrong' : INTEGRATION_ID, caseDescription: `case ${tag}` }
  }
  return { kind: 'createCommboxTag', input: { name: `commbox ${tag}`, type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false } }
}

async function queue(agent: Agent, operation: Operation): Promise<void> {
  const ready = operation.kind === 'reply' ? await withReplyTarget(agent, operation) : operation
  const queued = await enqueue(agent.db, ready, { now: clock.now(), newId: randomUUID, meId: ME_ID, isOffline: agent.link.isOffline, undoWindowMs: 0 })
  if (!queued.ok) throw new Error(`${agent.name} could not queue ${ready.kind}: ${JSON.stringify(queued.error)}`)
  agent.ops.push({ id: queued.value.id, operation: ready })
  agent.engine.kick()
}

async function withReplyTarget(agent: Agent, operation: Extract<Operation, { kind: 'reply' }>): Promise<Operation> {
  const row = await agent.db.conversations.get(operation.conversationId)
  return { ...operation, network: row!.network, itemType: row!.itemType }
}

async function addFaults(): Promise<void> {
  const control = sandboxControl(sandbox.url)
  await control.addFault({ route: '*', mode: 'latency', latencyMs: 2, probability: 0.2 })
  await control.addFault({ route: 'POST /v2/conversation/:id/reply', mode: 'dropAfter', probability: 0.06 })
  await control.addFault({ route: 'POST /v2/conversation/:id/note', mode: 'dropAfter', probability: 0.06 })
  await control.addFault({ route: 'POST /v2/conversation/:id*', mode: 'resetBefore', probability: 0.04 })
  await control.addFault({ route: 'POST /v2/conversation/:id', mode: 'dropAfter', probability: 0.05 })
  await control.addFault({ route: 'POST /v2/canned-response', mode: 'malformedJson', probability: 0.1 })
  await control.addFault({ route: 'POST /v2/*', mode: 'status500', probability: 0.05 })
  await control.addFault({ route: 'POST /commbox/tags', mode: 'status500', probability: 0.1 })
  await control.addFault({ route: 'POST /v2/*', mode: 'status429', retryAfterSeconds: 0, probability: 0.03 })
  await control.addFault({ route: 'GET /v2/conversation/:id/timeline', mode: 'status500', probability: 0.05 })
}

async function settleAll(agents: Agent[]): Promise<void> {
  for (const agent of agents) {
    agent.engine.kick()
    await agent.engine.whenIdle()
  }
}

/** What an agent does with what the outbox hands back: held replies go anyway, paused ones resume. */
async function actOnWaiting(agents: Agent[]): Promise<void> {
  for (const agent of agents) {
    const held = await agent.db.outbox.where('state').equals('held').toArray()
    for (const entry of held) await resend(agent.db, entry.id, clock.now())
    if ((await agent.db.outbox.where('state').equals('paused').count()) > 0) await agent.engine.resumeAfterSignIn()
  }
}

function ledgerKey(row: LedgerEntry): string | null {
  const params = row.params as Record<string, unknown>
  const data = params['data'] as Record<string, unknown> | undefined
  const value = params['message'] ?? params['note'] ?? params['case_description'] ?? data?.['Name'] ?? (row.path.endsWith('/canned-response') ? params['name'] : undefined)
  return typeof value === 'string' ? value : null
}

function operationKey(operation: Operation): string | null {
  switch (operation.kind) {
    case 'reply':
      return operation.message
    case 'note':
      return operation.note
    case 'assign':
      return operation.note ?? null
    case 'createCannedResponse':
      return operation.name === 'Welcome Reply' ? null : operation.name
    case 'createCase':
      return operation.caseDescription ?? null
    case 'createCommboxTag':
      return operation.input.name
    default:
      return null
  }
}

/** Set-style changes may arrive more than once; each conversation's sequence must still hold them in order. */
function setStyleDelivered(operation: Operation, ledger: LedgerEntry[]): number {
  if (!('conversationId' in operation)) return 0
  const path = operation.kind === 'setStatus' ? `/v2/conversation/${operation.conversationId}` : operation.kind === 'replaceTags' ? `/v2/conversation/${operation.conversationId}/tag` : `/v2/conversation/${operation.conversationId}/assign`
  return ledger.filter((row) => {
    if (row.path !== path) return false
    const params = row.params as Record<string, unknown>
    if (operation.kind === 'setStatus') return params['status'] === operation.status
    if (operation.kind === 'replaceTags') return JSON.stringify(params['tags']) === JSON.stringify(operation.tags)
    return operation.kind === 'assign' && params['assignee_id'] === operation.assigneeId
  }).length
}

it(`delivers ${AGENTS * OPS_PER_AGENT} queued changes exactly once through faults, offline periods and crashes`, async () => {
  const list = await createIpcRemote(createIpcClient(inProcessApi(await signedInServices()))).listConversations({ statuses: ['open'], count: 100 }, 'user')
  if (!list.ok) throw new Error(list.error.message)
  const open = list.value.items.map((c) => ({ id: c.id, network: c.network, itemType: c.itemType }))
  const agents = await Promise.all(Array.from({ length: AGENTS }, (_, index) => createAgent(index, open)))
  await addFaults()

  let crashes = 0
  let offlinePeriods = 0
  for (let serial = 0; serial < OPS_PER_AGENT; serial++) {
    for (const agent of agents) await queue(agent, nextOperation(agent, serial))
    if (serial % 25 === 0) {
      const agent = pick(agents)
      agent.link.isOffline = !agent.link.isOffline
      if (agent.link.isOffline) offlinePeriods += 1
    }
    if (serial % 40 === 20) {
      const agent = pick(agents)
      agent.engine.kick()
      await new Promise((resolve) => setTimeout(resolve, 1))
      agent.link.crash()
      void agent.engine.stop()
      agent.engine = newEngine(agent.db, agent.link)
      await agent.engine.start()
      crashes += 1
    }
    await settleAll(agents)
    clock.advance(1_000)
  }
  for (const agent of agents) agent.link.isOffline = false
  await sandboxControl(sandbox.url).clearFaults()
  for (let round = 0; round < 400; round++) {
    await actOnWaiting(agents)
    await settleAll(agents)
    const open = await Promise.all(agents.map((agent) => agent.db.outbox.where('state').noneOf(['done', 'needsAttention']).count()))
    if (open.every((count) => count === 0)) break
    clock.advance(30_000)
  }

  const ledger = await sandboxControl(sandbox.url).ledger()
  const ledgerCounts = new Map<string, number>()
  for (const row of ledger) {
    const key = ledgerKey(row)
    if (key !== null) ledgerCounts.set(key, (ledgerCounts.get(key) ?? 0) + 1)
  }

  let total = 0
  let delivered = 0
  let lost = 0
  let duplicated = 0
  let needsAttention = 0
  const reasonless: OutboxEntry[] = []
  const lostOps: unknown[] = []
  for (const agent of agents) {
    for (const { id, operation } of agent.ops) {
      total += 1
      const entry = await agent.db.outbox.get({ id })
      const key = operationKey(operation)
      const count = key === null ? setStyleDelivered(operation, ledger) : (ledgerCounts.get(key) ?? 0)
      if (key !== null && count > 1) duplicated += 1
      if (count >= 1) delivered += 1
      else if (entry?.state === 'needsAttention') {
        needsAttention += 1
        if (!entry.lastError?.message) reasonless.push(entry)
      } else {
        lost += 1
        lostOps.push({ operation, state: entry?.state, lastError: entry?.lastError })
      }
    }
  }
  const summary = `soak: ops=${total} delivered=${delivered} lost=${lost} duplicated=${duplicated} needsAttention=${needsAttention}`
  fs.mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true })
  fs.writeFileSync(SUMMARY_FILE, `${summary}\n`)
  console.info(`${summary} (crashes=${crashes}, offline periods=${offlinePeriods}, ledger rows=${ledger.length})`)

  expect(lostOps).toEqual([])
  expect(total).toBeGreaterThanOrEqual(1_000)
  expect(lost).toBe(0)
  expect(duplicated).toBe(0)
  expect(delivered + needsAttention).toBe(total)
  expect(reasonless).toEqual([])
  expect(crashes).toBeGreaterThanOrEqual(3)
  expect(offlinePeriods).toBeGreaterThanOrEqual(3)
})

async function signedInServices() {
  const services = createTestServices({ rateWindows: UNLIMITED })
  await services.auth.signIn({ accountId: sandbox.options.accountId, apiKey: sandbox.options.apiKey, baseUrl: sandbox.url })
  return services
}
