import { z } from 'zod'

/**
 * Every instant in the domain is an ISO-8601 UTC string with milliseconds, e.g.
 * "2025-03-10T14:22:00.000Z": it sorts correctly as text (IndexedDB indexes, list order),
 * survives JSON and structured clone unchanged, and carries its zone, unlike the API's
 * zone-less "2025-03-10 14:22:00" (which is UTC).
 */
export const instantSchema = z.iso.datetime()
export type Instant = z.infer<typeof instantSchema>

export const idSchema = z.string().min(1)

/**
 * Someone as a network shows them (a customer, or the brand profile an agent replied as).
 * Not in the seed pages; the sandbox sends it and the real API may not, hence nullable wherever used.
 */
export const personSchema = z.object({
  name: z.string(),
  username: z.string(),
})
export type Person = z.infer<typeof personSchema>

export const sortDirectionSchema = z.enum(['asc', 'desc'])
export type SortDirection = z.infer<typeof sortDirectionSchema>

/** One sort key of a list; sent to the API as `_order=field,1` (asc) or `field,0` (desc). */
export const sortOrderSchema = z.object({
  field: z.string().regex(/^[A-Za-z_]+$/, 'Sort by a field name (letters and _ only)'),
  direction: sortDirectionSchema,
})
export type SortOrder = z.infer<typeof sortOrderSchema>

/** `page` starts at 0, like the API's `_page`. */
export const pageQuerySchema = z.object({
  page: z.number().int().min(0).optional(),
  count: z.number().int().min(1).optional(),
  order: sortOrderSchema.optional(),
})
export type PageQuery = z.infer<typeof pageQuerySchema>

/** One page of a list; `total` is what the server reports and may exceed what paging returns. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) })
}
export interface Page<Item> {
  items: Item[]
  total: number
}
