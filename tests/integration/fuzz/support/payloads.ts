import type { z } from 'zod'
import type { Random } from './random'

/**
 * Payloads for the IPC fuzzer, derived from the contract's own zod schemas so that every
 * channel, including ones added later, is covered: a valid request is built from the request
 * schema, then mutated into the near-misses and garbage a compromised or buggy page could send.
 */

interface ZodDef {
  type: string
  [key: string]: unknown
}

interface ZodCheckDef {
  check: string
  minimum?: number
  maximum?: number
  value?: number
  inclusive?: boolean
  format?: string
}

const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def
const checksOf = (def: ZodDef): ZodCheckDef[] =>
  ((def['checks'] as { _zod: { def: ZodCheckDef } }[] | undefined) ?? []).map((check) => check._zod.def)

/** Leaves an optional key out of the object being built. */
const OMIT = Symbol('omit')

/** Strings real requests carry; the generator takes the first its schema accepts. */
const STRING_POOL = [
  'eit000000000001',
  'etg000000000001',
  'cnr000000000001',
  '00A000000000002',
  'crd000000000001',
  'Support',
  'Hello from the fuzzer',
  'name',
  'go.inbox',
  'sfint-fuzz',
  'https://example.com/picture.png',
  '2025-03-10T14:22:00.000Z',
  'x',
  '',
]

export class GeneratorGap extends Error {}

/** A request the schema accepts. Throws GeneratorGap when no rule fits, so a new schema shape is noticed. */
export function validValue(schema: z.ZodType, random: Random): unknown {
  const value = generate(schema, random)
  return value === OMIT ? undefined : value
}

function generate(schema: z.ZodType, random: Random): unknown {
  const def = defOf(schema)
  const inner = (key: string) => def[key] as z.ZodType
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>
      const object: Record<string, unknown> = {}
      for (const [key, field] of Object.entries(shape)) {
        const value = generate(field, random)
        if (value !== OMIT) object[key] = value
      }
      return object
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return random.chance(0.5) ? OMIT : generate(inner('innerType'), random)
    case 'nullable':
      return random.chance(0.25) ? null : generate(inner('innerType'), random)
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return generate(inner('innerType'), random)
    case 'pipe':
      return generate(inner('in'), random)
    case 'lazy':
      return generate((def['getter'] as () => z.ZodType)(), random)
    case 'union':
      return generate(random.pick(def['options'] as z.ZodType[]), random)
    case 'enum':
      return random.pick(Object.values(def['entries'] as Record<string, unknown>))
    case 'literal':
      return random.pick(def['values'] as unknown[])
    case 'string':
      return validString(schema, random)
    case 'number':
      return validNumber(schema, def, random)
    case 'boolean':
      return random.chance(0.5)
    case 'null':
      return null
    case 'undefined':
      return OMIT
    case 'array': {
      const checks = checksOf(def)
      const min = checks.find((check) => check.check === 'min_length')?.minimum ?? 0
      const max = checks.find((check) => check.check === 'max_length')?.maximum ?? min + 3
      const length = random.int(min, Math.min(max, min + 3))
      return Array.from({ length }, () => generate(inner('element'), random))
    }
    case 'tuple':
      return (def['items'] as z.ZodType[]).map((item) => generate(item, random))
    case 'record':
      return {}
    case 'unknown':
    case 'any':
      return 'anything'
    default:
      throw new GeneratorGap(`no rule for zod type "${def.type}"; add one to tests/integration/fuzz/support/payloads.ts`)
  }
}

function validString(schema: z.ZodType, random: Random): string {
  const fit = random.shuffled(STRING_POOL).find((candidate) => schema.safeParse(candidate).success)
  if (fit === undefined) {
    throw new GeneratorGap('no string of the pool fits this schema; add one to STRING_POOL in tests/integration/fuzz/support/payloads.ts')
  }
  return fit
}

function validNumber(schema: z.ZodType, def: ZodDef, random: Random): number {
  const checks = checksOf(def)
  const lower = checks.find((check) => check.check === 'greater_than')?.value ?? 0
  const upper = checks.find((check) => check.check === 'less_than')?.value ?? lower + 100
  const candidates = [random.int(Math.ceil(lower), Math.floor(Math.min(upper, lower + 100))), Math.ceil(lower), Math.floor(upper)]
  const fit = candidates.find((candidate) => schema.safeParse(candidate).success)
  if (fit === undefined) throw new GeneratorGap('no number fits this schema')
  return fit
}

/** Keys that mean something to JavaScript objects, or to code that treats payloads naively. */
const TRICKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', 'valueOf', 'length', '', ' ', 'channel', 'lane']

/** Over every documented text limit (10,000 characters). */
const HUGE_STRING = 'x'.repeat(20_000)

/** Edge strings: empty, control and bidi characters, broken surrogates, path tricks, markup, huge. */
const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202eevil',
  '.',
  '..',
  '../../me',
  '%2e%2e',
  'eit000000000001?x=1#y',
  'eit000000000001/../../me',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '😀'.repeat(20),
  HUGE_STRING,
]

const EDGE_NUMBERS = [-1, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53 + 2, 1e308, -1e308]

function deeplyNested(depth: number): unknown {
  let value: unknown = []
  for (let level = 0; level < depth; level++) value = [value]
  return value
}

function cyclic(): unknown {
  const object: Record<string, unknown> = { name: 'loop' }
  object['self'] = object
  return object
}

/** Values that survive JSON (what the HTTP bridge can carry). */
function jsonWildValues(): unknown[] {
  return [
    null,
    undefined,
    true,
    false,
    0,
    -1,
    1.5,
    ...EDGE_NUMBERS.slice(3, 5),
    ...EDGE_STRINGS,
    [],
    [null],
    ['x', 1, {}],
    {},
    { length: 3 },
    deeplyNested(1_000),
    Array.from({ length: 1_000 }, (_, index) => `item${index}`),
    JSON.parse('{"__proto__": {"isPolluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"isPolluted": true}}}'),
  ]
}

/** Values Electron IPC can also carry (the structured clone algorithm), but JSON cannot. */
function cloneOnlyWildValues(): unknown[] {
  const withoutPrototype = Object.create(null) as Record<string, unknown>
  withoutPrototype['conversationId'] = 'eit000000000001'
  const sparse: unknown[] = []
  sparse[3] = 'x'
  return [
    12345678901234567890n,
    new Date(0),
    new Date(Number.NaN),
    new Map([['conversationId', 'eit000000000001']]),
    new Set(['x']),
    new Uint8Array([1, 2, 3]),
    new ArrayBuffer(8),
    /pattern/g,
    new Error('boom'),
    withoutPrototype,
    sparse,
    cyclic(),
  ]
}

export interface MutationOptions {
  /** Only values JSON can carry (the HTTP bridge); otherwise anything structured clone can. */
  isJsonOnly: boolean
}

function wildValue(random: Random, options: MutationOptions): unknown {
  const pool = options.isJsonOnly ? jsonWildValues() : [...jsonWildValues(), ...cloneOnlyWildValues()]
  return random.pick(pool)
}

function edgeValueLike(current: unknown, random: Random, options: MutationOptions): unknown {
  if (typeof current === 'string') return random.pick(EDGE_STRINGS)
  if (typeof current === 'number') return random.pick(EDGE_NUMBERS)
  if (typeof current === 'boolean') return random.pick([0, 1, 'true', null])
  if (Array.isArray(current)) return random.pick([[], Array.from({ length: 1_000 }, () => current[0] ?? 'x'), [current], [wildValue(random, options)]])
  return wildValue(random, options)
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, so that '__proto__' becomes an own key as JSON.parse would make it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

type Container = Record<string, unknown> | unknown[]

function isPlainContainer(value: unknown): value is Container {
  if (Array.isArray(value)) return true
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}

/** Every plain object and array inside the value, with the value itself first. */
function containers(value: unknown, found: Container[] = []): Container[] {
  if (!isPlainContainer(value) || found.includes(value)) return found
  found.push(value)
  for (const inner of Object.values(value)) containers(inner, found)
  return found
}

function mutateOnce(payload: unknown, random: Random, options: MutationOptions): unknown {
  const targets = containers(payload)
  if (targets.length === 0 || random.chance(0.15)) return wildValue(random, options)
  const target = random.pick(targets)
  const keys = Object.keys(target)
  const operation = random.pick(['addKey', 'dropKey', 'replace', 'edge'] as const)
  if (operation === 'addKey' || keys.length === 0) {
    if (Array.isArray(target)) target.push(wildValue(random, options))
    else setOwn(target, random.chance(0.6) ? random.pick(TRICKY_KEYS) : `unexpected${random.int(0, 99)}`, wildValue(random, options))
    return payload
  }
  const key = random.pick(keys)
  const record = target as Record<string, unknown>
  if (operation === 'dropKey') delete record[key]
  else if (operation === 'replace') record[key] = wildValue(random, options)
  else record[key] = edgeValueLike(record[key], random, options)
  return payload
}

/** One to three mutations of a fresh copy of `base`. */
export function mutatedPayload(base: unknown, random: Random, options: MutationOptions): unknown {
  let payload: unknown = base === undefined ? undefined : structuredClone(base)
  const count = random.int(1, 3)
  for (let step = 0; step < count; step++) payload = mutateOnce(payload, random, options)
  return payload
}

/** A short, safe description of a payload for failure messages. */
export function preview(payload: unknown): string {
  try {
    const json = JSON.stringify(payload, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value))
    return json === undefined ? String(payload) : json.length > 300 ? `${json.slice(0, 300)}… (${json.length} chars)` : json
  } catch {
    return `[${Object.prototype.toString.call(payload)} that JSON cannot show]`
  }
}
