import { z } from 'zod'

import { issueFormToken } from '@/comments/formToken'

const query = z.object({
  article: z.string().regex(/^\d{1,12}$/, 'article must be an article id'),
})

/** A form token dated now: the inline form asks for one when a reader starts writing. */
export function GET(request: Request): Response {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) {
    return Response.json(
      { ok: false, error: { message: parsed.error.issues[0]?.message ?? 'Bad request' } },
      { status: 400 },
    )
  }
  return Response.json(
    { token: issueFormToken(Number(parsed.data.article)) },
    { headers: { 'cache-control': 'no-store' } },
  )
}
