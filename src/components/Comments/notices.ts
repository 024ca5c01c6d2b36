import type { NoticeCode } from '@/comments/errors'

/**
 * What a reader without JavaScript is told after the redirect. Each notice is
 * rendered (hidden) into the cached page and shown by `:target`, so the page
 * stays cacheable and no query string is needed.
 */
export const NOTICES: Record<NoticeCode | 'received', string> = {
  received:
    'Thank you. Your comment is awaiting moderation and will appear once an editor approves it.',
  name: 'Your comment was not sent: please enter your name (up to 80 characters).',
  email: 'Your comment was not sent: please enter a valid email address. It is never shown.',
  body: 'Your comment was not sent: please write a comment of up to 5,000 characters, without control characters.',
  invalid:
    'Your comment was not sent: part of the form was missing or malformed. Please try again.',
  closed: 'Comments on this article are closed.',
  wait: 'Your comment was not sent: you are commenting too quickly. Please wait a minute and send it again.',
  duplicate: 'This comment has already been posted on this article.',
  robot:
    'Your comment was not sent: it looked automated. Please wait a few seconds and send it again.',
  expired:
    'Your comment was not sent: the form was out of date. Please reload the page and try again.',
}

export const noticeId = (code: keyof typeof NOTICES) =>
  code === 'received' ? 'comment-received' : `comment-error-${code}`
