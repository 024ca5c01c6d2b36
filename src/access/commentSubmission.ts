import type { PayloadRequest } from 'payload'

/**
 * Anonymous readers create comments only through the defended submission
 * pipeline (src/comments/submit.ts), which marks its request context. The
 * context is server-side state: a REST or GraphQL client cannot set it, so
 * nobody can skip the honeypot, flood control or proof of work by calling
 * Payload's API directly. Newsroom users may always create.
 */
export const commentSubmissionOrAuthenticated = ({ req }: { req: PayloadRequest }): boolean =>
  Boolean(req.user) || req.context?.commentSubmission === true
