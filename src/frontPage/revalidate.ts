import type { GlobalAfterChangeHook } from 'payload'

import { cacheTags } from '@/queries/tags'
import { urls } from '@/lib/urls'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

/**
 * A published front page (by an editor or on schedule by the jobs runner) or an unpublished one
 * reaches readers within a second; drafts and autosaves never touch their caches.
 */
export const revalidateFrontPage: GlobalAfterChangeHook = ({ doc, req }) => {
  const { draft, autosave } = (req.query ?? {}) as Record<string, unknown>
  const draftSave = String(draft) === 'true' || String(autosave) === 'true'
  if (doc?._status !== 'published' && draftSave) return doc
  invalidate({ cacheTags: [cacheTags.frontPage()], paths: [urls.home()] }, scopeOf(req))
  return doc
}
