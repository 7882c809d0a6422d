/**
 * `application/x-www-form-urlencoded` as Oktopost reads it: `key=value` pairs where a key
 * ending in `[]` builds an array (`tags[]=a&tags[]=b`). The same parser reads query strings.
 */

export type FormFields = Readonly<Record<string, string | readonly string[]>>

export function parseForm(encoded: string): FormFields {
  // A null prototype keeps keys like `__proto__` from reaching Object.prototype.
  const fields: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of new URLSearchParams(encoded)) {
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2)
      const existing = fields[name]
      fields[name] = Array.isArray(existing) ? [...existing, value] : [value]
    } else {
      fields[key] = value
    }
  }
  return fields
}

/** Later sources win, so body fields override query fields of the same name. */
export function mergeForms(...sources: FormFields[]): FormFields {
  return Object.assign(Object.create(null), ...sources)
}

/** A single value; an array where one value was expected counts as absent. */
export function textField(fields: FormFields, name: string): string | undefined {
  const value = fields[name]
  return typeof value === 'string' ? value : undefined
}

/**
 * An array field. An empty scalar (`tags=`) or a lone empty element (`tags[]=`) is how a
 * form says "empty list", since form encoding has no other way to send one.
 */
export function listField(fields: FormFields, name: string): string[] | undefined {
  const value = fields[name]
  if (value === undefined) return undefined
  if (typeof value === 'string') return value === '' ? [] : [value]
  return value.filter((item) => item !== '')
}
