import { createLocalReq, type Payload } from 'payload'

import { cacheTags } from '@/queries/tags'
import { findPublishedArticles, invalidationFor } from '@/revalidation/articles'
import { askSite, invalidateInBackground } from '@/revalidation/invalidate'

/** Articles per /next/revalidate request: its limits are 100 paths and 50 tags to expire now. */
const BATCH = 40

/**
 * The import saves without revalidating (item by item, it would refresh the home page
 * thousands of times): once it is over, readers' caches learn of every article it published,
 * forty at a time, and of the lists, desks, topics and bylines it touched. In the server (an
 * import from the admin) the server refreshes itself; from a command (`fromCommand`) the
 * running site is asked, with the answer returned: null when it was done, else why not.
 */
export async function refreshReaders(
  payload: Payload,
  ids: number[],
  fromCommand = false,
): Promise<string | null> {
  if (ids.length === 0) return null
  try {
    const req = await createLocalReq({}, payload)
    for (let start = 0; start < ids.length; start += BATCH) {
      const located = await findPublishedArticles(req, {
        id: { in: ids.slice(start, start + BATCH) },
      })
      const pages = invalidationFor(located)
      const invalidation = {
        ...pages,
        paths: [...new Set(pages.paths)],
        cacheTags: [...pages.cacheTags, cacheTags.desks(), cacheTags.topics(), cacheTags.bylines()],
        // Addresses asked for before the import answered 404: right on their next request.
        expireNow: pages.cacheTags.filter((tag) => tag !== cacheTags.articleLists()),
      }
      if (!fromCommand) await invalidateInBackground(invalidation, payload.logger)
      else {
        const failed = await askSite(invalidation)
        if (failed) return failed
      }
    }
    return null
  } catch (error) {
    payload.logger.warn({ err: error }, 'Pages not refreshed after an import')
    return (error as Error).message
  }
}
