import type { CollectionAfterChangeHook } from 'payload'

import { isBreakingNow } from '@/content/breaking'
import { isDraftSave } from '@/lib/drafts'
import { queueBreakingExpiry } from '@/jobs/expireBreaking'
import type { Article } from '@/payload-types'

/**
 * A live story that is breaking gets a job for the moment its banner goes (src/jobs). Queued
 * when it becomes breaking or its time moves earlier; a time moved later is picked up by the
 * job already queued, which queues itself again. Seeds and imports too: their pages need the
 * banner gone as much as anyone's.
 */
export const scheduleBreakingExpiry: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc._status !== 'published' || isDraftSave(req)) return doc
  if (!doc.breakingUntil || !isBreakingNow(doc)) return doc
  const queued =
    previousDoc?._status === 'published' && isBreakingNow(previousDoc) && previousDoc.breakingUntil
  if (queued && new Date(doc.breakingUntil) >= new Date(queued)) return doc
  await queueBreakingExpiry(req, doc.id, doc.breakingUntil)
  return doc
}
