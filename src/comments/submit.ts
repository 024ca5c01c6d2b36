import type { Payload } from 'payload'

import { env } from '@/env'

import { type ArticleLookup, type CommentArticle, lookUpArticle } from './article'
import { hashAddress } from './clientAddress'
import { commentsOpen } from './closing'
import { type CommentField, invalidFields, SubmissionError } from './errors'
import { checkDuplicate, checkFlood, DUPLICATE_WINDOW_MINUTES } from './floodControl'
import { readFormToken } from './formToken'
import { holdReasons, parseBlocklist } from './holdRules'
import { parseCommentInput, type CommentInput } from './input'
import { withLocks } from './locks'
import { checkProof } from './proofOfWork'
import { sha256 } from '@/lib/secrets'

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

type Settings = {
  closeAfterDays?: number | null
  hourlyLimit?: number | null
  blocklist?: string | null
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

async function openArticle(
  lookup: ArticleLookup,
  settings: Settings,
  now: Date,
): Promise<CommentArticle> {
  const article = await lookup()
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

async function checkParent(payload: Payload, input: CommentInput): Promise<void> {
  if (input.parent === undefined) return
  // As an anonymous reader: only approved comments can be replied to.
  const { docs } = await payload.find({
    collection: 'comments',
    where: { id: { equals: input.parent } },
    select: { article: true, parent: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  const parent = docs[0]
  if (!parent)
    throw new SubmissionError('parent: The comment you are replying to does not exist.', {
      status: 400,
      field: 'parent',
    })
  if (parent.article !== input.article) {
    throw new SubmissionError('parent: The comment you are replying to is on another article.', {
      status: 400,
      field: 'parent',
    })
  }
  if (parent.parent != null) {
    throw new SubmissionError(
      'parent: Replies go one level deep; reply to the original comment instead.',
      { status: 400, field: 'parent' },
    )
  }
}

const FIELD_NAMES: Record<string, CommentField> = {
  authorName: 'name',
  email: 'email',
  body: 'body',
  article: 'article',
  parent: 'parent',
}

/** Payload's own validation, should it refuse what ours let through, as a 400 naming the field. */
function validationProblems(error: unknown): SubmissionError | null {
  const { status, data } = (error ?? {}) as {
    status?: number
    data?: { errors?: { path?: string; message?: string }[] }
  }
  const errors = data?.errors?.filter((entry) => entry.path && entry.path in FIELD_NAMES)
  if (status !== 400 || !errors?.length) return null
  return invalidFields(
    errors.map((entry) => ({
      field: FIELD_NAMES[entry.path!]!,
      message: entry.message ?? 'This value is not valid.',
    })),
  )
}

function uniqueViolation(error: unknown, path: string): boolean {
  const errors = (error as { data?: { errors?: { path?: string }[] } })?.data?.errors
  return Array.isArray(errors) && errors.some((entry) => entry.path === path)
}

/** The comment an earlier submission with this key created, if any. */
async function firstResult(
  payload: Payload,
  submissionKey: string,
  lookup: ArticleLookup,
): Promise<SubmissionResult | null> {
  const { docs } = await payload.find({
    collection: 'comments',
    where: { submissionKey: { equals: submissionKey } },
    select: { createdAt: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  const first = docs[0]
  if (!first) return null
  return {
    status: 200,
    id: first.id,
    articlePath: (await lookup())?.path ?? null,
    message: AWAITING_MODERATION,
  }
}

/**
 * The one way a reader's comment gets in: validation, bot signals, the
 * article's state, flood control, duplicates, proof of work and hold rules,
 * then one transactional write. Every refusal is a SubmissionError with a
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

  return withLocks(locks, async () => {
    const now = context.now ?? new Date()
    const replay = await firstResult(payload, submissionKey, lookup)
    if (replay) return replay

    checkBotSignals(input, now)
    const proof = input.altcha ? await checkProof(input.altcha) : null
    if (proof && !proof.ok) {
      throw new SubmissionError(
        'altcha: The anti-spam check did not pass. Please send your comment again.',
        { status: 422, field: 'altcha', notice: 'robot' },
      )
    }

    const settings: Settings = await payload.findGlobal({
      slug: 'comment-settings',
      depth: 0,
      overrideAccess: true,
    })
    const article = await openArticle(lookup, settings, now)
    await checkParent(payload, input)
    await checkFlood(payload, { ipHash, email }, settings.hourlyLimit ?? 10, now)
    await checkDuplicate(payload, input.article, input.body, now)

    const verified = proof?.ok === true
    const reasons = holdReasons(
      { name: input.name, body: input.body },
      parseBlocklist(settings.blocklist),
      verified,
    )
    try {
      const comment = await payload.create({
        collection: 'comments',
        data: {
          article: input.article,
          parent: input.parent ?? null,
          authorName: input.name,
          email,
          body: input.body,
          // Field access keeps readers from choosing a status: every comment starts pending.
          status: 'pending',
          trust: verified ? 'verified' : 'unverified',
          heldReasons: reasons,
          ipHash,
          userAgent: context.userAgent?.slice(0, 512) ?? null,
          submissionKey,
          challengeId: proof?.ok ? proof.challengeId : null,
        },
        depth: 0,
        overrideAccess: false,
        context: { commentSubmission: true },
      })
      return {
        status: 201,
        id: comment.id,
        articlePath: article.path,
        message: AWAITING_MODERATION,
      }
    } catch (error) {
      if (uniqueViolation(error, 'submissionKey')) {
        const first = await firstResult(payload, submissionKey, lookup)
        if (first) return first
      }
      const invalid = validationProblems(error)
      if (invalid) throw invalid
      if (uniqueViolation(error, 'challengeId')) {
        throw new SubmissionError(
          'altcha: This anti-spam answer was already used. Please send your comment again.',
          { status: 422, field: 'altcha', notice: 'robot' },
        )
      }
      throw error
    }
  })
}
