import type { Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import type { z } from 'zod'

import { articleAccess } from './access'
import { articleIdParam, heartbeatInput, problemsOf, sessionInput } from './input'
import { beat, leave, othersOn, takeOver } from './store'

/**
 * Presence in the article editor (src/components/admin/Presence), on the article's own URL:
 * - POST   /api/articles/:id/presence           heartbeat {session, section}: who else is here;
 * - DELETE /api/articles/:id/presence?session=… this tab closed;
 * - POST   /api/articles/:id/presence/take-over {session}: the others' tabs stop saving.
 * Only staff who may edit the article. Every answer is someone's own and live: never stored by
 * a proxy or the browser.
 */
const NO_STORE = { 'Cache-Control': 'no-store, private' }

function answer(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE })
}

function refuse(status: number, message: string): Response {
  return answer({ errors: [{ message }] }, status)
}

type Checked<T> =
  { ok: true; articleId: number; userId: number; input: T } | { ok: false; response: Response }

/** The person, the article and the body, checked in that order; a refusal says what to do. */
async function check<T>(
  req: PayloadRequest,
  schema: z.ZodType<T>,
  from: 'body' | 'query' = 'body',
): Promise<Checked<T>> {
  if (!req.user || req.user.collection !== 'users') {
    return { ok: false, response: refuse(401, 'Log in to the admin to see who is editing.') }
  }
  const id = articleIdParam.safeParse(String(req.routeParams?.id ?? ''))
  if (!id.success) return { ok: false, response: refuse(400, problemsOf(id.error)) }
  const access = await articleAccess(req, id.data)
  if (access === 'none') {
    return { ok: false, response: refuse(404, `There is no article ${id.data} you can open.`) }
  }
  if (access === 'read') {
    return {
      ok: false,
      response: refuse(
        403,
        'You cannot edit this article, so you are not shown who is editing it.',
      ),
    }
  }
  let data: unknown = Object.fromEntries(req.searchParams ?? [])
  if (from === 'body') {
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return { ok: false, response: refuse(400, 'Send a JSON object, such as {"session": "…"}.') }
    }
    data = req.data ?? {}
  }
  const input = schema.safeParse(data)
  if (!input.success) return { ok: false, response: refuse(400, problemsOf(input.error)) }
  return { ok: true, articleId: id.data, userId: Number(req.user.id), input: input.data }
}

export const presenceEndpoints: Endpoint[] = [
  {
    path: '/:id/presence',
    method: 'post',
    handler: async (req) => {
      const checked = await check(req, heartbeatInput)
      if (!checked.ok) return checked.response
      const { articleId, userId, input } = checked
      const takenOverBy = await beat(req.payload, { articleId, userId, ...input })
      const others = await othersOn(req.payload, articleId, userId)
      return answer({ takenOverBy, others })
    },
  },
  {
    path: '/:id/presence',
    method: 'delete',
    handler: async (req) => {
      const checked = await check(req, sessionInput, 'query')
      if (!checked.ok) return checked.response
      await leave(req.payload, { ...checked, session: checked.input.session })
      return answer({ left: true })
    },
  },
  {
    path: '/:id/presence/take-over',
    method: 'post',
    handler: async (req) => {
      const checked = await check(req, sessionInput)
      if (!checked.ok) return checked.response
      const name = String((req.user as { name?: unknown }).name ?? '') || 'Another editor'
      const tookOverFrom = await takeOver(req.payload, { ...checked, name })
      return answer({ tookOverFrom })
    },
  },
]
