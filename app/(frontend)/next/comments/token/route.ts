import { z } from 'zod'

import { issueFormToken } from '@/comments/formToken'
import { MAX_ID } from '@/comments/input'
import { noteDatabaseError } from '@/lib/outage'
import { UNAVAILABLE_MESSAGES, unavailableJson } from '@/lib/unavailable'
import { commentsOpenNow } from '@/queries/comments'

const query = z.object({
  article: z
    .string()
    .regex(/^\d{1,10}$/, 'article must be an article id')
    .transform(Number)
    .refine((id) => id > 0 && id <= MAX_ID, 'article must be an article id'),
})

/**
 * A form token dated now, and whether the article still takes comments: the
 * inline form asks when a reader starts writing.
 */
export async function GET(request: Request): Promise<Response> {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) {
    return Response.json(
      { ok: false, error: { message: parsed.error.issues[0]?.message ?? 'Bad request' } },
      { status: 400 },
    )
  }
  let open: boolean | null
  try {
    open = await commentsOpenNow(parsed.data.article)
  } catch (error) {
    if (noteDatabaseError(error)) return unavailableJson(UNAVAILABLE_MESSAGES.comments)
    throw error
  }
  if (open === null) {
    return Response.json(
      {
        ok: false,
        error: { message: 'article: This article does not exist or is not published.' },
      },
      { status: 404 },
    )
  }
  return Response.json(
    { token: issueFormToken(parsed.data.article), open },
    { headers: { 'cache-control': 'no-store' } },
  )
}
