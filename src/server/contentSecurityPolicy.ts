import { createHash } from 'node:crypto'

import { env } from '@/env'

/**
 * Content-Security-Policy without a per-request nonce, so that a page stays
 * cacheable (Next's cache, Varnish): the App Router inlines its flight data as
 * `<script>self.__next_f.push(…)</script>` in every page, and those scripts
 * are allowed by their sha256, computed from the finished HTML. A cached copy
 * carries the policy made from its own body, so header and body always agree.
 * Every other script must come from this origin; an injected inline script or
 * event handler has no hash and does not run.
 */

/** Which part of the site a response belongs to: each has its own policy. */
export type Area = 'reader' | 'admin' | 'api'

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi
const JAVASCRIPT_TYPES = /^(?:module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'i').exec(
    attributes,
  )
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null
}

/** A CSP hash source: the browser hashes the text as parsed, where CR LF is LF. */
function hashSource(text: string): string {
  const digest = createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')
  return `'sha256-${digest}'`
}

/** The hash sources of a page's inline scripts (JSON data blocks run nothing and need none). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (attribute(attributes, 'src') !== null) continue
    const type = attribute(attributes, 'type')
    if (type && !JAVASCRIPT_TYPES.test(type.trim())) continue
    hashes.add(hashSource(text))
  }
  return [...hashes]
}

const STYLE_ATTRIBUTE = /<[a-z][^>]*?\sstyle="([^"]*)"/gi
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }

/** An attribute's value as the browser reads it (React escapes & " ' < >). */
function unescapeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return String.fromCodePoint(code)
  })
}

/**
 * The hash sources of a page's `<style>` elements and `style` attributes (the
 * rich text's alignment and nested lists), the latter with 'unsafe-hashes',
 * which lets exactly those attribute values apply and no other.
 */
export function inlineStyleHashes(html: string): string[] {
  const elements = [...html.matchAll(STYLE)].map(([, text = '']) => hashSource(text))
  const attributes = [...html.matchAll(STYLE_ATTRIBUTE)].map(([, value = '']) =>
    hashSource(unescapeAttribute(value)),
  )
  return [
    ...new Set(elements),
    ...(attributes.length ? ["'unsafe-hashes'", ...new Set(attributes)] : []),
  ]
}

/** Where images come from besides this origin: the bucket or CDN readers fetch them from (S3_PUBLIC_URL). */
const imageOrigins = env.S3?.publicUrl ? [new URL(env.S3.publicUrl).origin] : []

export interface PolicyOptions {
  /** `next dev`: React rebuilds server error stacks with eval, and reloads over a websocket. */
  dev?: boolean
  /** Served over https: anything left on http is upgraded. */
  https?: boolean
  /** Other origins images load from; by default S3_PUBLIC_URL's, when set. */
  imageOrigins?: string[]
}

const join = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')

/**
 * The origins of the embed players a reader page offers (`data-embed-player` on its embed
 * cards, src/blocks/Embed/): framed only when the reader clicks, and nothing else ever is.
 */
export function playerOrigins(html: string): string[] {
  const origins = new Set<string>()
  for (const match of html.matchAll(/data-embed-player="(https:\/\/[^"]+)"/g)) {
    try {
      const { origin } = new URL(match[1]!.replace(/&amp;/g, '&'))
      if (/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) origins.add(origin)
    } catch {
      // Not an address: framed by nothing.
    }
  }
  return origins.size > 0 ? [...origins] : ["'none'"]
}

/**
 * The policy for an HTML page of `area`, from that page's own HTML. Reader
 * pages: scripts from this origin and the page's inline ones by hash; the
 * proof of work runs in a worker made from a blob (altcha). They may be
 * framed by the site itself only (the admin's live preview). The admin: the
 * same script rule; Payload and Lexical set style attributes in the markup
 * they render, which only 'unsafe-inline' allows; upload previews are blobs.
 */
export function htmlPolicy(area: Exclude<Area, 'api'>, html: string, options: PolicyOptions = {}) {
  const scripts = ["'self'", ...inlineScriptHashes(html), ...(options.dev ? ["'unsafe-eval'"] : [])]
  const common = {
    'default-src': ["'self'"],
    'script-src': scripts,
    'connect-src': ["'self'", ...(options.dev ? ['ws:'] : [])],
    'img-src': ["'self'", 'data:', 'blob:', ...(options.imageOrigins ?? imageOrigins)],
    'font-src': ["'self'", 'data:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
  }
  if (area === 'admin') {
    return join({
      ...common,
      'style-src': ["'self'", "'unsafe-inline'"],
      'frame-src': ["'self'"],
      'frame-ancestors': ["'none'"],
    })
  }
  return join({
    ...common,
    'style-src': ["'self'", ...inlineStyleHashes(html)],
    'frame-src': playerOrigins(html),
    'frame-ancestors': ["'self'"],
  })
}

/** The policy for anything the API answers that is not a page: it loads nothing and is framed by nobody. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
