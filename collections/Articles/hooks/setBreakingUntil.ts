import type { CollectionBeforeChangeHook } from 'payload'

import { defaultBreakingUntil, isBreakingNow } from '@/content/breaking'
import { isDraftSave } from '@/lib/drafts'
import { refuseField } from '@/lib/errors'
import type { Article } from '@/payload-types'

/**
 * "Breaking until", settled when a story goes live: unticking Breaking clears the time (ticking
 * it again starts afresh); a publish with Breaking ticked and no time gets the default (three
 * hours from its first publication, or from now for a story already live); ticking Breaking with
 * a time already past is refused — no banner would show. On a story that is breaking now, a past
 * time is how an editor ends it at once, and stays allowed. Drafts keep what the editor typed.
 */
export const setBreakingUntil: CollectionBeforeChangeHook<Article> = ({
  data,
  originalDoc,
  req,
}) => {
  if (!data.breaking) {
    data.breakingUntil = null
    return data
  }
  const publishing = (data._status ?? originalDoc?._status) === 'published' && !isDraftSave(req)
  if (!publishing) return data
  if (!data.breakingUntil) {
    // Already live before this save: it becomes breaking now, not when it was first published.
    data.breakingUntil = defaultBreakingUntil(
      originalDoc?._status === 'published' ? null : data.publishedAt,
    )
    return data
  }
  const changed = data.breakingUntil !== originalDoc?.breakingUntil
  const wasBreaking = originalDoc?._status === 'published' && isBreakingNow(originalDoc)
  if (changed && !wasBreaking && new Date(data.breakingUntil).getTime() <= Date.now()) {
    refuseField(
      'breakingUntil',
      '“Breaking until” has already passed, so no banner would show. Pick a later time, or leave it empty for three hours.',
    )
  }
  return data
}
