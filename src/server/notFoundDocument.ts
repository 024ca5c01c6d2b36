import { randomUUID } from 'node:crypto'

import { type DefaultTreeAdapterTypes as T, parse, serialize } from 'parse5'

/**
 * The body of every reader 404. Next sends a `notFound()` met while a page
 * renders on request as `<html id="__next_error__">` with an empty body: the
 * designed not-found page exists only in its React payload, which the browser
 * renders with JavaScript (vercel/next.js#62228; Next 16.4.6 does it in an
 * empty app too). Readers without JavaScript and crawlers that run none saw a
 * blank page. So the app's server asks itself for the not-found page as a page
 * of its own (app/(frontend)/next/page-not-found, the site's layout around it)
 * and sends that, without its scripts (its links and search form need none),
 * in place of the shell. It is kept for a minute and refreshed in the
 * background; when it cannot be had, Next's own answer goes out as it was.
 */
export const NOT_FOUND_PAGE_PATH = '/next/page-not-found'
const FRESH_MS = 60_000
const TIMEOUT_MS = 5_000

/** The server asking itself: a secret of this process, so no reader can pass for it. */
export const SELF_HEADER = 'x-broadsheet-self'
const SELF_TOKEN = randomUUID()

export function isSelfRequest(headers: Record<string, string | string[] | undefined>): boolean {
  return headers[SELF_HEADER] === SELF_TOKEN
}

function attribute(node: T.Element, name: string): string | undefined {
  return node.attrs.find((attr) => attr.name === name)?.value
}

/** Scripts and what preloads them; JSON-LD is data, not script, and stays. */
function isScript(node: T.ChildNode): boolean {
  if (!('tagName' in node)) return false
  if (node.tagName === 'script') return attribute(node, 'type') !== 'application/ld+json'
  if (node.tagName !== 'link') return false
  const rel = attribute(node, 'rel')?.toLowerCase()
  return rel === 'modulepreload' || (rel === 'preload' && attribute(node, 'as') === 'script')
}

function dropScripts(parent: T.ParentNode): void {
  parent.childNodes = parent.childNodes.filter((node) => !isScript(node))
  for (const node of parent.childNodes) {
    if ('childNodes' in node) dropScripts(node)
    if ('content' in node) dropScripts(node.content)
  }
}

/** The page as a document that works without JavaScript: the same HTML, no scripts. */
export function withoutScripts(html: string): string {
  const document = parse(html)
  dropScripts(document)
  return serialize(document)
}

/** The designed 404 document, fetched from this server at `origin` and kept for a minute. */
export function notFoundDocument(origin: string): () => Promise<string | null> {
  let kept: { html: string; at: number } | null = null
  let fetching: Promise<string | null> | null = null

  const fetchIt = (): Promise<string | null> =>
    (fetching ??= (async () => {
      try {
        const answer = await fetch(new URL(NOT_FOUND_PAGE_PATH, origin), {
          headers: { [SELF_HEADER]: SELF_TOKEN, 'accept-encoding': 'identity' },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        })
        const html = await answer.text()
        if (!answer.ok || !/^text\/html\b/.test(answer.headers.get('content-type') ?? '')) {
          return kept?.html ?? null
        }
        kept = { html: withoutScripts(html), at: Date.now() }
        return kept.html
      } catch {
        return kept?.html ?? null
      } finally {
        fetching = null
      }
    })())

  return async () => {
    if (!kept) return fetchIt()
    if (Date.now() - kept.at > FRESH_MS) void fetchIt()
    return kept.html
  }
}
