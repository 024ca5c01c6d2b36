import type { PayloadRequest, TaskConfig } from 'payload'

import { locateArticle } from '@/lib/articlePath'
import { cacheTags } from '@/queries/tags'
import { invalidationFor } from '@/revalidation/articles'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

/** Queues the job that takes a story's banner and label off the site at `until`. */
export async function queueBreakingExpiry(
  req: PayloadRequest,
  article: number,
  until: string,
): Promise<void> {
  await req.payload.jobs.queue({
    task: 'expireBreaking',
    input: { article, until },
    waitUntil: new Date(until),
    req,
  })
}

/**
 * When a story's "Breaking until" comes: the banner leaves every page (the `breaking` tag
 * expires outright, so no cached page shows it once more) and the story's page and lists lose
 * the label. Re-reads the story first, so it is harmless when it is late, runs twice, or the
 * editor changed things meanwhile: cleared or unpublished (that save already refreshed the
 * pages), moved later (queued again for the new time), moved earlier (that time's own job did it).
 */
export const expireBreaking: TaskConfig<'expireBreaking'> = {
  slug: 'expireBreaking',
  label: 'End a breaking story',
  inputSchema: [
    { name: 'article', type: 'number', required: true },
    { name: 'until', type: 'text', required: true },
  ],
  retries: 3,
  handler: async ({ input, req }) => {
    const article = await req.payload.findByID({
      collection: 'articles',
      id: input.article,
      depth: 0,
      draft: false,
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    if (!article || article._status !== 'published' || !article.breaking) return { output: {} }
    const current = article.breakingUntil
    if (!current) return { output: {} }
    if (new Date(current).getTime() > Date.now()) {
      await queueBreakingExpiry(req, article.id, current)
      return { output: {} }
    }
    if (new Date(current).getTime() !== new Date(input.until).getTime()) return { output: {} }
    const located = await locateArticle(article, req.payload, req)
    invalidate({ ...invalidationFor([located]), expireNow: [cacheTags.breaking()] }, scopeOf(req))
    return { output: {} }
  },
}
