import { timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

import { invalidate, REVALIDATE_HEADER, revalidateSecret } from '@/revalidation/invalidate'
import { payloadClient } from '@/queries/payload'

export const dynamic = 'force-dynamic'

const Body = z.object({
  cacheTags: z.array(z.string().max(200)).max(500),
  paths: z.array(z.string().startsWith('/').max(2000)).max(100),
  expireNow: z.array(z.string().max(200)).max(50).optional(),
  removedPaths: z.array(z.string().max(2000)).max(200).optional(),
})

/**
 * For changes made outside a request (a scheduled publish run by the jobs
 * queue): the app asks itself to mark the cache stale and re-render pages.
 * Only the app knows the key (derived from PAYLOAD_SECRET).
 */
export async function POST(request: Request) {
  const given = Buffer.from(request.headers.get(REVALIDATE_HEADER) ?? '')
  const expected = Buffer.from(revalidateSecret())
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: 'Not allowed.' }, { status: 403 })
  }
  const parsed = Body.safeParse(await request.json().catch(() => null))
  if (!parsed.success)
    return Response.json({ error: 'Send { cacheTags, paths }.' }, { status: 400 })
  const payload = await payloadClient()
  invalidate(parsed.data, { context: {}, logger: payload.logger })
  return Response.json({ ok: true })
}
