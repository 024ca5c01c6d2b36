import type { Endpoint } from 'payload'
import { addDataAndFileToRequest } from 'payload'

import { isStaff } from '@/access/roles'

import { checkArticle } from './gate'
import type { ArticleInput } from './prepare'

/**
 * POST /api/articles/checklist with the article as the editor is typing it:
 * the findings, for the panel in the article editor. Newsroom users only.
 */
export const checklistEndpoint: Endpoint = {
  path: '/checklist',
  method: 'post',
  handler: async (req) => {
    if (!isStaff(req.user)) {
      return Response.json(
        { errors: [{ message: 'Log in to the admin to check an article.' }] },
        { status: 401 },
      )
    }
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return Response.json({ errors: [{ message: 'Send the article as JSON.' }] }, { status: 400 })
    }
    const data = req.data
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return Response.json(
        { errors: [{ message: 'Send the article as a JSON object.' }] },
        { status: 400 },
      )
    }
    return Response.json(await checkArticle(data as ArticleInput, req))
  },
}
