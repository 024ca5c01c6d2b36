import { email as payloadEmail, type EmailFieldValidation } from 'payload/shared'
import { z } from 'zod'

import { idOf } from '@/lib/ids'

import type { CommentField, FieldProblem } from './errors'

/** C0 control characters other than tab, line feed and carriage return (NUL among them). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** The largest id PostgreSQL's `integer` holds. */
export const MAX_ID = 2_147_483_647

const required = (missing: string, wrongType: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType),
})

const id = (label: string) =>
  z.preprocess(
    // idOf reads digits as a form sends them; a submitted object is refused, never read as a document.
    (value) => (typeof value === 'object' ? value : (idOf(value) ?? value)),
    z
      .number(
        required(
          `The ${label} is missing.`,
          `The ${label} must be a document id (a whole number).`,
        ),
      )
      .int(`The ${label} must be a document id (a whole number).`)
      .positive(`The ${label} must be a document id (a whole number).`)
      // Ids are PostgreSQL integers; a larger number would be a database error, not a 400.
      .max(MAX_ID, `The ${label} does not exist.`),
  )

const articleId = id('article')

/** Whether Payload's email field validation accepts `value` (it only reads `required` and `t`). */
function isPayloadEmail(value: string): boolean {
  const options = { required: true, req: { t: () => 'invalid', payload: {} } }
  return payloadEmail(value, options as unknown as Parameters<EmailFieldValidation>[1]) === true
}

export const commentInput = z.object({
  article: articleId,
  parent: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    id('comment you reply to').optional(),
  ),
  name: z
    .string(required('Please enter your name.', 'The name must be text.'))
    .trim()
    .min(1, 'Please enter your name.')
    .max(80, 'Names are limited to 80 characters.')
    .refine((value) => !CONTROL.test(value), 'The name contains characters that cannot be stored.'),
  email: z
    .string(required('Please enter your email address.', 'The email address must be text.'))
    .trim()
    .min(1, 'Please enter your email address.')
    .max(254, 'That email address is too long.')
    .pipe(z.email('Please enter a valid email address, like you@example.com.'))
    // Payload's own rule for email fields too (no hyphen ending a domain, and so on): the
    // comment is written straight to its table (src/comments/store.ts), not through Payload.
    .refine(
      (value) => isPayloadEmail(value),
      'Please enter a valid email address, like you@example.com.',
    ),
  body: z
    .string(required('Please write a comment.', 'The comment must be text.'))
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .refine((value) => value.trim().length > 0, 'Please write a comment.')
    .refine((value) => value.length <= 5000, 'Comments are limited to 5,000 characters.')
    .refine(
      (value) => !CONTROL.test(value),
      'The comment contains control characters (such as NUL) that cannot be stored.',
    ),
  token: z
    .string(required('The form token is missing; reload the page.', 'The form token must be text.'))
    .max(200, 'The form token is malformed; reload the page.'),
  key: z
    .union([z.literal(''), z.uuid('The submission key must be a UUID.')])
    .optional()
    .transform((value) => value || undefined),
  altcha: z
    .string('The anti-spam answer must be text.')
    .max(4000, 'The anti-spam answer is malformed.')
    .optional(),
  website: z.string().optional(),
})

export type CommentInput = z.infer<typeof commentInput>

const FIELDS: Record<string, CommentField> = {
  article: 'article',
  parent: 'parent',
  name: 'name',
  email: 'email',
  body: 'body',
  token: 'token',
  key: 'key',
  altcha: 'altcha',
}

export function parseCommentInput(
  raw: unknown,
): { ok: true; input: CommentInput } | { ok: false; problems: FieldProblem[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [{ field: null, message: 'Send the comment as an object of fields.' }],
    }
  }
  const result = commentInput.safeParse(raw)
  if (result.success) return { ok: true, input: result.data }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: FIELDS[String(issue.path[0])] ?? null,
      message: issue.message,
    })),
  }
}

/**
 * The submission's article id when it is a valid one, by the same rule as
 * its validation: a refusal on other fields can still name its article.
 */
export function articleIdOf(raw: unknown): number | null {
  if (!raw || typeof raw !== 'object') return null
  const parsed = articleId.safeParse((raw as Record<string, unknown>).article)
  return parsed.success ? parsed.data : null
}
