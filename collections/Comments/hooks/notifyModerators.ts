import type { CollectionAfterChangeHook, Payload, PayloadRequest } from 'payload'

import { absoluteUrl } from '@/lib/urls'
import type { Comment } from '@/payload-types'

/** At most one email per interval: a burst of comments must not become a burst of mail. */
export const NOTICE_INTERVAL_MS = 10 * 60 * 1000
let lastNoticeAt = 0

/** Starts a new notice window (tests check the first notice of a window). */
export function startNoticeWindow(): void {
  lastNoticeAt = 0
}

/** What a notice shows of the latest comment. */
export type NoticedComment = Pick<Comment, 'id' | 'authorName' | 'body' | 'heldReasons'>

/** The notice editors get: the latest comment, and how many wait in all. */
export function moderationNotice(comment: NoticedComment, waiting: number, adminUrl: string) {
  const reasons = comment.heldReasons?.length
    ? `Held because: ${comment.heldReasons.join('; ')}\n`
    : ''
  const excerpt = comment.body.length > 500 ? `${comment.body.slice(0, 500)}…` : comment.body
  const others = waiting > 1 ? `${waiting} comments are awaiting moderation. The latest:\n\n` : ''
  return {
    subject:
      waiting > 1
        ? `${waiting} comments awaiting moderation`
        : `New comment awaiting moderation from ${comment.authorName}`,
    text: `${others}${comment.authorName} wrote:\n\n${excerpt}\n\n${reasons}Moderate: ${adminUrl}\n`,
  }
}

async function sendNotice(
  payload: Payload,
  comment: NoticedComment,
  waiting: number,
): Promise<void> {
  const editors = await payload.find({
    collection: 'users',
    // Those who moderate: editors and admins.
    where: { role: { in: ['admin', 'editor'] } },
    depth: 0,
    limit: 50,
    pagination: false,
    select: { email: true },
    overrideAccess: true,
  })
  const to = editors.docs.map((user) => user.email).filter(Boolean)
  // Claimed only when someone is told, so the first editor account gets the next notice.
  if (to.length === 0) return
  lastNoticeAt = Date.now()
  const admin =
    waiting > 1
      ? '/admin/collections/comments?where[status][equals]=pending'
      : `/admin/collections/comments/${comment.id}`
  await payload.sendEmail({
    to,
    ...moderationNotice(comment, waiting, absoluteUrl(admin)),
  })
}

/**
 * Tells the newsroom a reader's comment waits, through Payload's email
 * adapter (console output unless SMTP is configured), at most once per
 * NOTICE_INTERVAL_MS. The send is not awaited: a slow mail server must never
 * delay or fail a reader's submission. `req`, when given, is the transaction
 * the comment was written in, so the count includes it.
 */
export async function noticeNewComment(
  payload: Payload,
  comment: NoticedComment,
  req?: PayloadRequest,
): Promise<void> {
  if (Date.now() - lastNoticeAt < NOTICE_INTERVAL_MS) return
  const waiting = await payload.count({
    collection: 'comments',
    where: { status: { equals: 'pending' } },
    overrideAccess: true,
    req,
  })
  sendNotice(payload, comment, waiting.totalDocs).catch((error: unknown) =>
    payload.logger.error({ msg: 'Could not send the new-comment notice', error }),
  )
}

/** A pending comment made by anyone but the newsroom (the submission pipeline calls noticeNewComment itself). */
export const notifyModerators: CollectionAfterChangeHook<Comment> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create' || doc.status !== 'pending' || req.user) return doc
  if (req.context?.disableNotifications) return doc
  await noticeNewComment(req.payload, doc, req)
  return doc
}
