import type { CollectionAfterChangeHook } from 'payload'

import { absoluteUrl } from '@/lib/urls'
import type { Comment } from '@/payload-types'

/** The notice editors get for a comment waiting for them. */
export function moderationNotice(comment: Comment, adminUrl: string) {
  const reasons = comment.heldReasons?.length
    ? `Held because: ${comment.heldReasons.join('; ')}\n`
    : ''
  const excerpt = comment.body.length > 500 ? `${comment.body.slice(0, 500)}…` : comment.body
  return {
    subject: `New comment awaiting moderation from ${comment.authorName}`,
    text: `${comment.authorName} wrote:\n\n${excerpt}\n\n${reasons}Moderate it: ${adminUrl}\n`,
  }
}

/**
 * Tells the newsroom a reader's comment waits, through Payload's email adapter
 * (console output unless SMTP is configured). Sent after the response: a slow
 * mail server must never delay or fail a reader's submission.
 */
export const notifyModerators: CollectionAfterChangeHook<Comment> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create' || doc.status !== 'pending' || req.user) return doc
  if (req.context?.disableNotifications) return doc
  const { payload } = req
  const send = async () => {
    const editors = await payload.find({
      collection: 'users',
      depth: 0,
      limit: 50,
      pagination: false,
      select: { email: true },
      overrideAccess: true,
    })
    const to = editors.docs.map((user) => user.email).filter(Boolean)
    if (to.length === 0) return
    const notice = moderationNotice(doc, absoluteUrl(`/admin/collections/comments/${doc.id}`))
    await payload.sendEmail({ to, ...notice })
  }
  send().catch((error: unknown) =>
    payload.logger.error({ msg: 'Could not send the new-comment notice', error }),
  )
  return doc
}
