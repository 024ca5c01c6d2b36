/** The form fields a reader can be told about. */
export type CommentField =
  'article' | 'parent' | 'name' | 'email' | 'body' | 'token' | 'altcha' | 'key'

/** Short codes the no-JavaScript form turns into a notice on the article page. */
export type NoticeCode =
  'name' | 'email' | 'body' | 'invalid' | 'closed' | 'wait' | 'duplicate' | 'robot' | 'expired'

/** A refused submission: an HTTP status and a message meant for the reader. */
export class SubmissionError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly field?: CommentField,
    readonly retryAfter?: number,
    readonly notice: NoticeCode = 'invalid',
    readonly problems: { field: CommentField | null; message: string }[] = [],
  ) {
    super(message)
    this.name = 'SubmissionError'
  }
}
