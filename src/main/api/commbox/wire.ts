import { z } from 'zod'

/**
 * CommBox answers as its reference page spells them. `status` is "200" (a string) on success and
 * a number on errors; ids may come as numbers; both are accepted.
 */
const wireStatus = z.union([z.string(), z.number()])

export const wireCreateTagAnswer = z.object({
  status: wireStatus,
  description: z.string().optional(),
  response_time: z.string().optional(),
  data: z.object({ id: z.union([z.string().min(1), z.number()]).transform(String) }),
})
export type WireCreateTagAnswer = z.infer<typeof wireCreateTagAnswer>

export const wireCommboxError = z.object({
  status: wireStatus.optional(),
  description: z.string().optional(),
})

/** The request body: everything wrapped in `data`. */
export interface WireCreateTagRequest {
  data: {
    Name: string
    Type: number
    TagGroupId: number
    ObjectTag: boolean
    UserTag: boolean
    ChildTag: boolean
  }
}
