/**
 * Reading and checking request fields. Checks add a message per field to an errors
 * object so one 400 can name every problem, the way Oktopost's `Errors` map does.
 */
import { listField, textField, type FormFields } from '../http/forms'
import type { FieldErrors } from './answers'

/** Limits count characters as people see them (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length
}

export function requiredText(fields: FormFields, name: string, maxLength: number, errors: FieldErrors): string {
  const value = textField(fields, name)
  if (value === undefined || value.trim() === '') {
    errors[name] = `Missing value for parameter ${name}`
    return ''
  }
  checkLength(name, value, maxLength, errors)
  return value
}

export function optionalText(fields: FormFields, name: string, maxLength: number, errors: FieldErrors): string | undefined {
  const value = textField(fields, name)
  if (value === undefined || value === '') return undefined
  checkLength(name, value, maxLength, errors)
  return value
}

function checkLength(name: string, value: string, maxLength: number, errors: FieldErrors): void {
  if (characterCount(value) > maxLength) errors[name] = `${name} must be at most ${maxLength} characters`
}

/** One of a fixed set of values, matched without regard to case and returned as spelled in `allowed`. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], errors: FieldErrors): T | undefined {
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase())
  if (match === undefined) errors[name] = `Invalid value "${value}" for ${name}. Accepted values: ${allowed.join(', ')}`
  return match
}

export function requiredChoice<T extends string>(
  fields: FormFields, name: string, allowed: readonly T[], errors: FieldErrors,
): T | undefined {
  const value = textField(fields, name)
  if (value === undefined || value.trim() === '') {
    errors[name] = `Missing value for parameter ${name}`
    return undefined
  }
  return oneOf(name, value, allowed, errors)
}

/** A comma-separated filter such as `type=Post,Mention`; undefined when not given. */
export function csvFilter(fields: FormFields, name: string): string[] | undefined {
  const value = textField(fields, name) ?? listField(fields, name)?.join(',')
  if (value === undefined || value.trim() === '') return undefined
  return value.split(',').map((part) => part.trim()).filter((part) => part !== '')
}

export function csvFilterOf<T extends string>(
  fields: FormFields, name: string, allowed: readonly T[], errors: FieldErrors,
): T[] | undefined {
  return csvFilter(fields, name)?.flatMap((value) => oneOf(name, value, allowed, errors) ?? [])
}

export interface Paging {
  page: number
  count: number
}

export function paging(fields: FormFields, limits: { defaultCount: number; maxCount: number }, errors: FieldErrors): Paging {
  const page = integerField(fields, '_page', 0, errors) ?? 0
  const count = integerField(fields, '_count', 1, errors) ?? limits.defaultCount
  if (count > limits.maxCount) errors._count = `_count must be at most ${limits.maxCount}`
  return { page, count }
}

function integerField(fields: FormFields, name: string, min: number, errors: FieldErrors): number | undefined {
  const value = textField(fields, name)
  if (value === undefined || value === '') return undefined
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < min) {
    errors[name] = `${name} must be an integer of at least ${min}`
    return undefined
  }
  return number
}

export function pageOf<T>(items: readonly T[], { page, count }: Paging): T[] {
  return items.slice(page * count, page * count + count)
}

export interface Order<Field extends string> {
  field: Field
  isAscending: boolean
}

/** `_order=field,1` sorts ascending, `field,0` descending; field names ignore case. */
export function order<Field extends string>(
  fields: FormFields, sortable: readonly Field[], fallback: Order<Field>, errors: FieldErrors,
): Order<Field> {
  const value = textField(fields, '_order')
  if (value === undefined || value === '') return fallback
  const [name = '', direction = '1'] = value.split(',').map((part) => part.trim())
  const field = sortable.find((candidate) => candidate.toLowerCase() === name.toLowerCase())
  if (field === undefined || (direction !== '0' && direction !== '1')) {
    errors._order = `_order must be one of ${sortable.join(', ')} followed by ,1 (ascending) or ,0 (descending)`
    return fallback
  }
  return { field, isAscending: direction === '1' }
}

export function compareBy<T>(key: (item: T) => string | number, isAscending: boolean): (a: T, b: T) => number {
  return (a, b) => {
    const left = key(a)
    const right = key(b)
    const result = typeof left === 'number' && typeof right === 'number'
      ? left - right
      : String(left).localeCompare(String(right))
    return isAscending ? result : -result
  }
}

export function matchesQuery(query: string | undefined, ...texts: string[]): boolean {
  if (query === undefined || query === '') return true
  const wanted = query.toLocaleLowerCase()
  return texts.some((text) => text.toLocaleLowerCase().includes(wanted))
}
