import { isbot } from 'isbot'

import { readCappedBody } from '@/lib/requestBody'

/*
 * What the view endpoint counts, decided from the request alone (no
 * database): a person's browser showing an article. Not a reader who asked
 * not to be tracked, not a crawler, not a page fetched ahead in case it is
 * opened.
 */

/** Why a request is not a view, in a sentence; null when it is one. */
export function notCountedReason(headers: Headers): string | null {
  if (headers.get('sec-gpc')?.trim() === '1') {
    return 'Not counted: your browser sends Global Privacy Control (Sec-GPC: 1).'
  }
  if (headers.get('dnt')?.trim() === '1') {
    return 'Not counted: your browser asks not to be tracked (DNT: 1).'
  }
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`
  if (/\b(prefetch|prerender)\b/i.test(purpose) || headers.has('next-router-prefetch')) {
    return 'Not counted: the page was fetched ahead of time (a prefetch), not read.'
  }
  // Another site embedding our beacon or image would count its own visitors as our readers.
  if (headers.get('sec-fetch-site')?.trim() === 'cross-site') {
    return 'Not counted: the view was sent from a page on another site.'
  }
  const agent = headers.get('user-agent') ?? ''
  if (!agent.trim() || isbot(agent)) {
    return 'Not counted: the user agent is a bot, crawler or script.'
  }
  return null
}

/** A request the endpoint refuses, with its status and the sentence it answers. */
export class ViewRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/** A view's body is `{"article": 123}`: a few bytes. */
export const MAX_VIEW_BODY_BYTES = 1024

/** The article id as sent: a positive whole number, as a number or a string of digits. */
export function articleIdFrom(value: unknown): number {
  if (value === undefined || value === null || value === '') {
    throw new ViewRequestError(
      'Say which article was read: send {"article": <its id>} (or ?article=<id>).',
      400,
    )
  }
  const id = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  if (!Number.isSafeInteger(id) || id <= 0 || (typeof value === 'string' && !/^\d+$/.test(value))) {
    throw new ViewRequestError('The article id must be a positive whole number, such as 42.', 400)
  }
  return id
}

async function readCapped(request: Request): Promise<string> {
  const tooLarge = () =>
    new ViewRequestError(
      `The request body is larger than ${MAX_VIEW_BODY_BYTES} bytes; a view is {"article": <id>}.`,
      413,
    )
  const bytes = await readCappedBody(request, MAX_VIEW_BODY_BYTES, tooLarge)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ViewRequestError('The request body is not valid UTF-8 text.', 400)
  }
}

/**
 * The article of a POSTed view. JSON, sent as `application/json` or as
 * `text/plain` (what `navigator.sendBeacon` sends for a string, which needs
 * no preflight).
 */
export async function postedArticleId(request: Request): Promise<number> {
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new ViewRequestError(
      'Send the view as JSON, {"article": <id>}, with Content-Type application/json or text/plain.',
      415,
    )
  }
  const text = await readCapped(request)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new ViewRequestError('The request body is not valid JSON; send {"article": <id>}.', 400)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ViewRequestError('The request body must be a JSON object: {"article": <id>}.', 400)
  }
  return articleIdFrom((parsed as Record<string, unknown>).article)
}
