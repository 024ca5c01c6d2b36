import type { Endpoint } from 'payload'

import { isStaff } from '@/access/roles'
import { articlePath } from '@/lib/articlePath'

/**
 * GET /api/articles/:id/live: the reader address of the article's published version, for the
 * editor's "View on site" link; `{ path: null }` while nothing is published. Newsroom users only.
 */
export const livePathEndpoint: Endpoint = {
  path: '/:id/live',
  method: 'get',
  handler: async (req) => {
    if (!isStaff(req.user)) {
      return Response.json(
        { errors: [{ message: 'Log in to the admin to see where an article is live.' }] },
        { status: 401 },
      )
    }
    const id = String(req.routeParams?.id ?? '')
    if (!/^\d{1,12}$/.test(id)) {
      return Response.json(
        { errors: [{ message: 'Give the article by its number, as in /api/articles/12/live.' }] },
        { status: 400 },
      )
    }
    // Without `draft`, the stored document is the published version, not the newest draft.
    const live = await req.payload.findByID({
      collection: 'articles',
      id: Number(id),
      depth: 0,
      select: { slug: true, section: true, _status: true },
      disableErrors: true,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const path = live?._status === 'published' ? await articlePath(live, req.payload, req) : null
    return Response.json({ path })
  },
}
