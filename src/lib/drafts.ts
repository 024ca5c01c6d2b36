import type { PayloadRequest } from 'payload'

/**
 * A save that only writes a draft version, the live article untouched: the
 * admin's autosave and "Save draft", `?draft=true` over REST (Payload's REST
 * handler turns it into a string or boolean in `req.query`), or — when the
 * saved data is at hand — data marked `_status: 'draft'`.
 */
export function isDraftSave(req: PayloadRequest, data?: Record<string, unknown>): boolean {
  const { draft, autosave } = (req.query ?? {}) as Record<string, unknown>
  return data?._status === 'draft' || String(draft) === 'true' || String(autosave) === 'true'
}
