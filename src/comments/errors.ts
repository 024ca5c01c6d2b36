/** The form fields a reader can be told about. */
export type CommentField =
  'article' | 'parent' | 'name' | 'email' | 'body' | 'token' | 'altcha' | 'key'

/** Short codes the no-JavaScript form turns into a notice on the article page. */
export type NoticeCode =
  'name' | 'email' | 'body' | 'invalid' | 'closed' | 'wait' | 'duplicate' | 'robot' | 'expired'

/** What is wrong with one field (or, with no field, with the submission as a whole). */
export type FieldProblem = { field: CommentField | null; message: string }

export interface SubmissionErrorOptions {
  status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429
  field?: CommentField
  /** Seconds to wait before sending again, sent as Retry-After. */
  retryAfter?: number
  notice?: NoticeCode
  problems?: FieldProblem[]
}

/** A refused submission: an HTTP status and a message meant for the reader. */
export class SubmissionError extends Error {
  readonly status: SubmissionErrorOptions['status']
  readonly field?: CommentField
  readonly retryAfter?: number
  readonly notice: NoticeCode
  readonly problems: FieldProblem[]

  constructor(
    message: string,
    { status, field, retryAfter, notice = 'invalid', problems = [] }: SubmissionErrorOptions,
  ) {
    super(message)
    this.name = 'SubmissionError'
    this.status = status
    this.field = field
    this.retryAfter = retryAfter
    this.notice = notice
    this.problems = problems
  }
}

/** The fields a reader types in have a notice of their own; any other problem is `invalid`. */
const FIELD_NOTICES: Partial<Record<CommentField, NoticeCode>> = {
  name: 'name',
  email: 'email',
  body: 'body',
}

/** The notice for a problem with `field`. */
export function noticeFor(field: CommentField | null | undefined): NoticeCode {
  return (field && FIELD_NOTICES[field]) ?? 'invalid'
}

/** A 400 listing every problem, named and noticed after the first. */
export function invalidFields(problems: FieldProblem[]): SubmissionError {
  const field = problems[0]?.field ?? undefined
  return new SubmissionError(
    problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join(' '),
    { status: 400, field, notice: noticeFor(field), problems },
  )
}
