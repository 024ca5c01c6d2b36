import type { Endpoint } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import { z } from 'zod'

import { isStaff } from '@/access/roles'

import { importArticle, ImportRefused, MAX_IMPORT_BYTES } from './index'

const body = z.object({
  filename: z.string().min(1, 'filename is empty').max(255, 'filename is too long'),
  text: z.string(),
  section: z.string().max(100).nullish(),
})

const refuse = (status: number, message: string, extra: object = {}) =>
  Response.json({ errors: [{ message }], ...extra }, { status })

/**
 * POST /api/articles/import with `{ filename, text, section? }`: the admin's
 * "Import a file" button. Creates a draft owned by the person importing (their
 * role applies), or answers 422 with the line-by-line report and saves nothing.
 */
export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!isStaff(req.user)) return refuse(401, 'Log in to the admin to import an article.')
    const length = Number(req.headers.get('content-length') ?? 0)
    // JSON escaping can double a file's size; allow for it, then check the text itself.
    if (length > MAX_IMPORT_BYTES * 2 + 4096) {
      return refuse(413, `The file is over ${MAX_IMPORT_BYTES / 1024} KB; split it.`)
    }
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return refuse(400, 'Send the file as JSON: { "filename": …, "text": … }.')
    }
    const parsed = body.safeParse(req.data)
    if (!parsed.success) {
      return refuse(400, `Send the file as JSON: ${parsed.error.issues[0]?.message}.`)
    }
    try {
      const result = await importArticle(req.payload, { ...parsed.data, user: req.user })
      return Response.json(result, { status: 201 })
    } catch (error) {
      if (error instanceof ImportRefused) {
        const status = error.problems.some((p) => p.message.startsWith('The file is over'))
          ? 413
          : 422
        return refuse(status, 'The file was not imported; nothing was saved.', {
          problems: error.problems,
        })
      }
      throw error
    }
  },
}
