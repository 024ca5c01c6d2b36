import { timingSafeEqual } from 'node:crypto'

import { hmac } from '@/lib/secrets'

/**
 * A signed "this form was shown at time T for article A". The server refuses
 * submissions made sooner than a person could write one. The article page is
 * cached, so its token says when the page was rendered; with JavaScript the
 * form fetches a fresh token when the reader starts typing.
 */
export function issueFormToken(articleId: number, issuedAt: number = Date.now()): string {
  const claim = `${articleId}.${issuedAt}`
  return `${claim}.${hmac('comment-form', claim)}`
}

export type FormTokenCheck = { ok: true; issuedAt: number } | { ok: false }

export function readFormToken(token: string, articleId: number): FormTokenCheck {
  const match = /^(\d{1,12})\.(\d{1,15})\.([\w-]{20,64})$/.exec(token)
  if (!match || Number(match[1]) !== articleId) return { ok: false }
  const expected = Buffer.from(hmac('comment-form', `${match[1]}.${match[2]}`))
  const given = Buffer.from(match[3]!)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false }
  return { ok: true, issuedAt: Number(match[2]) }
}
