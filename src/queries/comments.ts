import { unstable_cache } from 'next/cache'
import { sql } from '@payloadcms/db-postgres'

import { type ArticleLookup, lookUpArticle } from '@/comments/article'
import { commentsOpen } from '@/comments/closing'
import { submitComment, type SubmissionContext } from '@/comments/submit'
import { readerDatabase, rowsOf } from '@/lib/database'
import type { Comment } from '@/payload-types'

import { payloadClient } from './payload'
import { cacheTags } from './tags'

/** What readers see of a comment: never the email, address hash or moderation notes. */
export type PublicComment = Pick<Comment, 'id' | 'authorName' | 'body' | 'createdAt'> & {
  replies: PublicComment[]
}

/** Enough for a long discussion; beyond it the oldest are shown (a known limit). */
const MAX_COMMENTS = 1000

async function findApproved(articleId: number): Promise<PublicComment[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'comments',
    where: { article: { equals: articleId } },
    select: { authorName: true, body: true, createdAt: true, parent: true },
    sort: 'createdAt',
    depth: 0,
    limit: MAX_COMMENTS,
    pagination: false,
    overrideAccess: false,
  })
  const topLevel: PublicComment[] = []
  const byId = new Map<number, PublicComment>()
  for (const doc of docs) {
    const comment = {
      id: doc.id,
      authorName: doc.authorName,
      body: doc.body,
      createdAt: doc.createdAt,
      replies: [],
    }
    if (doc.parent == null) {
      topLevel.push(comment)
      byId.set(doc.id, comment)
    }
  }
  for (const doc of docs) {
    // A reply whose parent is not approved waits with it.
    if (typeof doc.parent === 'number') {
      byId.get(doc.parent)?.replies.push({
        id: doc.id,
        authorName: doc.authorName,
        body: doc.body,
        createdAt: doc.createdAt,
        replies: [],
      })
    }
  }
  return topLevel
}

/** Approved comments on an article, oldest first, replies under their parent. */
export function getApprovedComments(articleId: number): Promise<PublicComment[]> {
  return unstable_cache(() => findApproved(articleId), ['article-comments', String(articleId)], {
    tags: [cacheTags.articleComments(articleId)],
  })()
}

export function countThread(thread: PublicComment[]): number {
  return thread.reduce((total, comment) => total + 1 + comment.replies.length, 0)
}

export async function countApprovedComments(articleIds: number[]): Promise<Record<number, number>> {
  if (articleIds.length === 0) return {}
  const payload = await payloadClient()
  // One grouped count for a whole list; the Local API has no GROUP BY.
  // Counted as the page shows them: a reply counts once its parent is approved too.
  const result = await readerDatabase(payload).execute(sql`
    select c.article_id as "articleId", count(*)::int as "count"
    from comments c
    left join comments p on p.id = c.parent_id
    where c.status = 'approved'
      and (c.parent_id is null or p.status = 'approved')
      and c.article_id in (${sql.join(
        articleIds.map((id) => sql`${id}`),
        sql`, `,
      )})
    group by c.article_id`)
  const counts: Record<number, number> = {}
  for (const row of rowsOf<{ articleId: number; count: number }>(result))
    counts[row.articleId] = row.count
  return counts
}

/** Approved-comment counts for the articles in a list. */
export function getCommentCounts(articleIds: number[]): Promise<Record<number, number>> {
  const ids = [...new Set(articleIds)].sort((a, b) => a - b)
  return unstable_cache(() => countApprovedComments(ids), ['comment-counts', ids.join(',')], {
    tags: [cacheTags.commentCounts()],
  })()
}

/** The settings pages need (not the blocklist, which stays private to the server). */
export function getCommentSettings(): Promise<{ closeAfterDays: number | null }> {
  return unstable_cache(
    async () => {
      const payload = await payloadClient()
      const settings = await payload.findGlobal({
        slug: 'comment-settings',
        depth: 0,
        overrideAccess: true,
      })
      return { closeAfterDays: settings.closeAfterDays ?? null }
    },
    ['comment-settings'],
    { tags: [cacheTags.commentSettings()] },
  )()
}

/** The article a reader's submission names, looked up when an answer first needs it. */
export async function submittedArticle(raw: unknown): Promise<ArticleLookup> {
  return lookUpArticle(await payloadClient(), raw)
}

/** A reader's submission, through the defended pipeline. */
export async function submitReaderComment(
  raw: unknown,
  article: ArticleLookup,
  context: SubmissionContext,
) {
  return submitComment(await payloadClient(), raw, context, article)
}

/**
 * Whether an article takes comments right now. Cached pages decide once, when
 * they render; the inline form asks again when a reader starts writing, so a
 * discussion closed by the calendar since then says so before any typing is lost.
 */
export async function commentsOpenNow(articleId: number): Promise<boolean | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { equals: articleId } },
    select: { commentsEnabled: true, publishedAt: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  if (!docs[0]) return null
  return commentsOpen(docs[0], await getCommentSettings())
}
