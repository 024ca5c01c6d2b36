import type { Payload } from 'payload'

import { env } from '@/env'

import { noticeNewComment } from '@/collections/Comments/hooks/notifyModerators'
import { sha256 } from '@/lib/secrets'

import { type ArticleLookup, type CommentArticle, lookUpArticle } from './article'
import { hashAddress } from './clientAddress'
import { commentsOpen } from './closing'
import { invalidFields, SubmissionError } from './errors'
import { checkDuplicate, checkFlood, DUPLICATE_WINDOW_MINUTES } from './floodControl'
import { readFormToken } from './formToken'
import { holdReasons, parseBlocklist } from './holdRules'
import { parseCommentInput, type CommentInput } from './input'
import { type CommentDb, withLocks } from './locks'
import { checkProof } from './proofOfWork'
import {
  type CommentSettingsRow,
  insertComment,
  readSubmissionState,
  type SubmissionState,
  uniqueIndexHit,
} from './store'

export const AWAITING_MODERATION =
  'Thank you. Your comment is awaiting moderation and will appear once an editor approves it.'

export interface SubmissionContext {
  /** The reader's address as the server saw it (see clientAddress). */
  address: string
  userAgent: string | null
  now?: Date
}

export interface SubmissionResult {
  /** 201 for a new comment; 200 when a retried submission returns the first result. */
  status: 200 | 201
  id: number
  articlePath: string | null
  message: string
}

function validate(raw: unknown): CommentInput {
  const parsed = parseCommentInput(raw)
  if (parsed.ok) return parsed.input
  throw invalidFields(parsed.problems)
}

function checkBotSignals(input: CommentInput, now: Date): void {
  if (input.website) {
    throw new SubmissionError(
      'This submission looks automated (a hidden field was filled in). If you are a person, reload the page and send your comment again.',
      { status: 422, notice: 'robot' },
    )
  }
  const token = readFormToken(input.token, input.article)
  if (!token.ok) {
    throw new SubmissionError(
      'token: This form is out of date; reload the page and send your comment again.',
      { status: 400, field: 'token', notice: 'expired' },
    )
  }
  const waitMs = token.issuedAt + env.COMMENT_MIN_SECONDS * 1000 - now.getTime()
  if (waitMs > 0) {
    throw new SubmissionError(
      'That was quicker than anyone can write a comment. Please wait a few seconds and send it again.',
      { status: 422, retryAfter: Math.ceil(waitMs / 1000), notice: 'robot' },
    )
  }
}

function openArticle(
  article: CommentArticle | null,
  settings: CommentSettingsRow,
  now: Date,
): CommentArticle {
  if (!article) {
    throw new SubmissionError('article: This article does not exist or is not published.', {
      status: 404,
      field: 'article',
    })
  }
  if (!commentsOpen(article, settings, now)) {
    throw new SubmissionError('article: Comments on this article are closed.', {
      status: 403,
      field: 'article',
      notice: 'closed',
    })
  }
  return article
}

/** Only an approved top-level comment on the same article can be replied to. */
function checkParent(input: CommentInput, parent: SubmissionState['parent']): void {
  if (input.parent === undefined) return
  if (!parent)
    throw new SubmissionError('parent: The comment you are replying to does not exist.', {
      status: 400,
      field: 'parent',
    })
  if (parent.articleId !== input.article) {
    throw new SubmissionError('parent: The comment you are replying to is on another article.', {
      status: 400,
      field: 'parent',
    })
  }
  if (parent.parentId != null) {
    throw new SubmissionError(
      'parent: Replies go one level deep; reply to the original comment instead.',
      { status: 400, field: 'parent' },
    )
  }
}

/** The answer to a retried submission: the comment its first attempt created. */
function replayed(id: number, article: CommentArticle | null): SubmissionResult {
  return { status: 200, id, articlePath: article?.path ?? null, message: AWAITING_MODERATION }
}

/**
 * The one way a reader's comment gets in: validation, bot signals, the
 * article's state, flood control, duplicates, proof of work and hold rules,
 * then one write, in one transaction holding the submission's locks
 * (./locks.ts). Every refusal is a SubmissionError with a
 * status and a message meant for the reader; nothing is written half-way.
 * `lookup` is the article `raw` names; a caller that passes its own (made
 * from the same `raw`) can answer a refusal with the article's path.
 */
export async function submitComment(
  payload: Payload,
  raw: unknown,
  context: SubmissionContext,
  lookup: ArticleLookup = lookUpArticle(payload, raw),
): Promise<SubmissionResult> {
  const input = validate(raw)
  const email = input.email.toLowerCase()
  const ipHash = hashAddress(context.address)
  // A plain form post has no key of its own: the same reader sending the same
  // text is a retry within the duplicate window, and may comment it again later.
  const window = Math.floor(
    (context.now ?? new Date()).getTime() / (DUPLICATE_WINDOW_MINUTES * 60_000),
  )
  const submissionKey = sha256(
    input.key
      ? `key:${input.key}`
      : `form:${window}:${ipHash}:${email}:${input.article}:${input.parent ?? ''}:${input.body}`,
  )
  const locks = [
    `key:${submissionKey}`,
    `ip:${ipHash}`,
    `email:${email}`,
    `body:${input.article}:${sha256(input.body)}`,
  ]

  const locked = (db: CommentDb): Promise<Accepted | SubmissionResult> =>
    acceptLocked(db, { input, email, ipHash, submissionKey, context, lookup })
  let outcome: Accepted | SubmissionResult
  try {
    outcome = await withLocks(payload, locks, locked)
  } catch (error) {
    const index = uniqueIndexHit(error)
    if (index === 'submissionKey') {
      // The same submission, written meanwhile by a process that did not take the locks.
      const again = await readSubmissionState(payload.db.drizzle, {
        submissionKey,
        articleId: input.article,
        parentId: null,
        ipHash,
        email,
        body: input.body,
        now: context.now ?? new Date(),
      })
      if (again.replayId !== null) return replayed(again.replayId, again.article)
    }
    if (index === 'challengeId') {
      throw new SubmissionError(
        'altcha: This anti-spam answer was already used. Please send your comment again.',
        { status: 422, field: 'altcha', notice: 'robot' },
      )
    }
    throw error
  }
  if (!('reasons' in outcome)) return outcome
  // The comment is stored (committed): a notice that cannot be sent must not tell the reader otherwise.
  await noticeNewComment(payload, {
    id: outcome.id,
    authorName: input.name,
    body: input.body,
    heldReasons: outcome.reasons,
  }).catch((error: unknown) =>
    payload.logger.error({ msg: 'Could not prepare the new-comment notice', error }),
  )
  return {
    status: 201,
    id: outcome.id,
    articlePath: outcome.articlePath,
    message: AWAITING_MODERATION,
  }
}

/** A new comment, written inside the submission's transaction. */
interface Accepted {
  id: number
  articlePath: string | null
  reasons: string[]
}

/**
 * Every check, then the write, while the submission's locks are held: what
 * the checks read cannot change before the comment is written.
 */
async function acceptLocked(
  db: CommentDb,
  {
    input,
    email,
    ipHash,
    submissionKey,
    context,
    lookup,
  }: {
    input: CommentInput
    email: string
    ipHash: string
    submissionKey: string
    context: SubmissionContext
    lookup: ArticleLookup
  },
): Promise<Accepted | SubmissionResult> {
  const now = context.now ?? new Date()
  // Every check's reading of the database, in one statement (src/comments/store.ts).
  const state = await readSubmissionState(db, {
    submissionKey,
    articleId: input.article,
    parentId: input.parent ?? null,
    ipHash,
    email,
    body: input.body,
    now,
  })
  lookup.settle(state.article)
  if (state.replayId !== null) return replayed(state.replayId, state.article)

  checkBotSignals(input, now)
  const proof = input.altcha ? await checkProof(input.altcha) : null
  if (proof && !proof.ok) {
    throw new SubmissionError(
      'altcha: The anti-spam check did not pass. Please send your comment again.',
      { status: 422, field: 'altcha', notice: 'robot' },
    )
  }

  const { settings } = state
  const article = openArticle(state.article, settings, now)
  checkParent(input, state.parent)
  checkFlood(state.flood, settings.hourlyLimit ?? 10, now)
  checkDuplicate(state.duplicate)

  const verified = proof?.ok === true
  const reasons = holdReasons(
    { name: input.name, body: input.body },
    parseBlocklist(settings.blocklist),
    verified,
  )
  // Pending, whatever the request says: readers never choose a status.
  const comment = await insertComment(db, {
    article: input.article,
    parent: input.parent ?? null,
    authorName: input.name,
    email,
    body: input.body,
    trust: verified ? 'verified' : 'unverified',
    heldReasons: reasons,
    ipHash,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
    submissionKey,
    challengeId: proof?.ok ? proof.challengeId : null,
  })
  return { id: comment.id, articlePath: article.path, reasons }
}
