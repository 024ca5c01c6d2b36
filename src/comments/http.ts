import { readCappedBody } from '@/lib/requestBody'

import { SubmissionError } from './errors'
import type { SubmissionResult } from './submit'

export const MAX_BODY_BYTES = 64 * 1024

export type Mode = 'json' | 'form'

const tooLarge = () =>
  new SubmissionError(
    'The submission is larger than 64 KB; comments are limited to 5,000 characters.',
    { status: 413 },
  )

/** Whether the client wants JSON back (the inline form, API clients) or a redirect (a plain form post). */
export function responseMode(request: Request): Mode {
  const type = request.headers.get('content-type') ?? ''
  const accept = request.headers.get('accept') ?? ''
  return type.includes('application/json') || accept.includes('application/json') ? 'json' : 'form'
}

/** The submitted fields, from JSON or a form post, read with a 64 KB cap. */
export async function readSubmission(request: Request): Promise<Record<string, unknown>> {
  // Lower case for matching only: a multipart boundary is case-sensitive.
  const header = request.headers.get('content-type') ?? ''
  const type = header.toLowerCase()
  const bytes = await readCappedBody(request, MAX_BODY_BYTES, tooLarge)
  if (type.includes('application/json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    } catch {
      throw new SubmissionError('The request body is not valid JSON.', { status: 400 })
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new SubmissionError(
        'The request body must be a JSON object of fields (article, name, email, body, token).',
        { status: 400 },
      )
    }
    return parsed as Record<string, unknown>
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    let form: FormData
    try {
      form = await new Response(new Uint8Array(bytes), {
        headers: { 'content-type': header },
      }).formData()
    } catch {
      throw new SubmissionError('The form data could not be read.', { status: 400 })
    }
    const fields: Record<string, unknown> = {}
    for (const [name, value] of form.entries()) {
      if (typeof value !== 'string')
        throw new SubmissionError(`${name}: Files cannot be attached to comments.`, { status: 400 })
      fields[name] = value
    }
    return fields
  }
  throw new SubmissionError(
    'Send the comment as JSON (application/json) or as a form (application/x-www-form-urlencoded).',
    { status: 415 },
  )
}

const noStore = { 'cache-control': 'no-store' }

/** A relative Location: right behind any proxy, whatever host name the reader used. */
function seeOther(location: string, headers: Record<string, string>): Response {
  return new Response(null, { status: 303, headers: { ...headers, location } })
}

export function successResponse(result: SubmissionResult, mode: Mode): Response {
  if (mode === 'form' && result.articlePath) {
    return seeOther(`${result.articlePath}#comment-received`, noStore)
  }
  return Response.json(
    { ok: true, id: result.id, status: 'pending', message: result.message },
    { status: result.status, headers: noStore },
  )
}

export function errorResponse(
  error: SubmissionError,
  mode: Mode,
  articlePath: string | null,
): Response {
  const headers: Record<string, string> = { ...noStore }
  if (error.retryAfter) headers['retry-after'] = String(error.retryAfter)
  if (mode === 'form' && articlePath) {
    return seeOther(`${articlePath}#comment-error-${error.notice}`, headers)
  }
  const problems = error.problems.length
    ? error.problems
    : [{ field: error.field ?? null, message: error.message.replace(/^\w+: /, '') }]
  return Response.json(
    { ok: false, error: { message: error.message, field: error.field ?? null, problems } },
    { status: error.status, headers },
  )
}
