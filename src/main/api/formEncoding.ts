/**
 * Oktopost takes `application/x-www-form-urlencoded` bodies with PHP-style structure:
 * `tags[]=a&tags[]=b` for lists of values, `media[0][url]=...` for lists of objects.
 */
export type FormScalar = string | number
export type FormValue = FormScalar | undefined | readonly FormValue[] | { readonly [key: string]: FormValue }
export type FormFields = Readonly<Record<string, FormValue>>

function append(params: URLSearchParams, key: string, value: FormValue): void {
  if (value === undefined) return
  if (Array.isArray(value)) {
    // An empty list still has to say "none" (replacing tags with nothing), so the key goes out empty.
    if (value.length === 0) params.append(key, '')
    value.forEach((item: FormValue, index) => {
      const isNested = typeof item === 'object'
      append(params, isNested ? `${key}[${index}]` : `${key}[]`, item)
    })
    return
  }
  if (typeof value === 'object') {
    for (const [childKey, childValue] of Object.entries(value)) append(params, `${key}[${childKey}]`, childValue)
    return
  }
  params.append(key, String(value))
}

/** Also used for query strings, which Oktopost reads the same way. */
export function encodeForm(fields: FormFields): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) append(params, key, value)
  return params.toString()
}
