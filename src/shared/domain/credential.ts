import { z } from 'zod'
import { idSchema, instantSchema } from './common'
import { networkSchema } from './network'

/** A connected social profile a reply can be sent from ("reply as"). */
export const credentialSchema = z.object({
  id: idSchema,
  createdAt: instantSchema.nullable(),
  name: z.string(),
  displayName: z.string(),
  status: z.string(),
  network: networkSchema,
  imageLink: z.string().nullable(),
  networkUsername: z.string().nullable(),
})
export type Credential = z.infer<typeof credentialSchema>

export const credentialQuerySchema = z.object({
  network: networkSchema.optional(),
})
export type CredentialQuery = z.infer<typeof credentialQuerySchema>
