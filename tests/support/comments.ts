import { solveChallenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2'
import type { Payload } from 'payload'

import { issueFormToken } from '@/comments/formToken'
import { issueChallenge } from '@/comments/proofOfWork'
import { submitComment, type SubmissionContext } from '@/comments/submit'

import { unique } from './factories'

let readers = 0
/**
 * A distinct reader (address + email), so flood control never links two
 * tests: an IPv6 /64 of its own per process id and counter, as test files
 * run in parallel processes against one database.
 */
export function reader(): { address: string; email: string } {
  readers += 1
  const pid = process.pid
  return {
    address: `2001:${(pid >> 16).toString(16)}:${(pid & 0xffff).toString(16)}:${readers.toString(16)}::1`,
    email: `${unique('reader')}@example.com`.toLowerCase(),
  }
}

/** A form token dated `secondsAgo` in the past: a reader who took that long to write. */
export function tokenFor(articleId: number, secondsAgo = 30): string {
  return issueFormToken(articleId, Date.now() - secondsAgo * 1000)
}

/** Valid fields for a comment on `articleId` from `who`. */
export function commentFields(
  articleId: number,
  who: { email: string },
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    article: articleId,
    name: 'Ada Reader',
    email: who.email,
    body: `A considered comment ${unique('c')}.`,
    token: tokenFor(articleId),
    ...overrides,
  }
}

export function submitAs(
  payload: Payload,
  who: { address: string },
  fields: Record<string, unknown>,
  context: Partial<SubmissionContext> = {},
) {
  return submitComment(payload, fields, { address: who.address, userAgent: 'vitest', ...context })
}

/** What the ALTCHA widget sends after solving a fresh challenge. */
export async function solvedProof(): Promise<string> {
  const challenge = await issueChallenge()
  const solution = await solveChallenge({ challenge, deriveKey })
  if (!solution) throw new Error('Could not solve the proof-of-work challenge')
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64')
}

/** An approved comment (editors approve through the admin; here, as a logged-in user would). */
export async function approvedComment(
  payload: Payload,
  articleId: number,
  data: { parent?: number; body?: string } = {},
) {
  const who = reader()
  const { id } = await submitAs(
    payload,
    who,
    commentFields(articleId, who, {
      ...(data.parent ? { parent: data.parent } : {}),
      ...(data.body ? { body: data.body } : {}),
    }),
  )
  return payload.update({ collection: 'comments', id, data: { status: 'approved' } })
}
