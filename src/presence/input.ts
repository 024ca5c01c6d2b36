import { z } from 'zod'

/** The largest id PostgreSQL's `integer` holds. */
const MAX_ID = 2_147_483_647

/** The article id from the URL: a whole number, as PostgreSQL stores it. */
export const articleIdParam = z
  .string()
  .regex(/^\d{1,10}$/, 'The article id in the address must be a whole number.')
  .transform(Number)
  .refine((id) => id > 0 && id <= MAX_ID, 'No article has that id.')

/** A tab's own id, made by the browser (crypto.randomUUID) when the editor opens. */
const session = z.uuid('The session must be the UUID the editor made for this tab.')

/** The body section the editor's focus is in: its row id and its heading as typed. */
const section = z
  .object({
    id: z.string().min(1).max(64, 'A section id is at most 64 characters.'),
    heading: z.string().max(300, 'A section heading is at most 300 characters.'),
  })
  .nullable()
  .default(null)

export const heartbeatInput = z.object({ session, section })
export const sessionInput = z.object({ session })

export type HeartbeatInput = z.infer<typeof heartbeatInput>

/** Zod's issues as one sentence a person can act on. */
export function problemsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join(' ')
}
