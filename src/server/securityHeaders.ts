import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import zlib from 'node:zlib'

import { imageKeys, KEYS_HEADER } from '@/edge/keys'
import { pathArea } from '@/edge/paths'
import { env } from '@/env'

import { API_POLICY, type Area, htmlPolicy, type PolicyOptions } from './contentSecurityPolicy'
import { isSelfRequest, NOT_FOUND_PAGE_PATH } from './notFoundDocument'

/**
 * Which policy a path gets (the path rules: src/edge/paths.ts). Next's build files get none of
 * their own (a worker's script would inherit it); the app's endpoints are the site's.
 */
export function areaOf(pathname: string): Area | 'static' {
  const area = pathArea(pathname)
  return area === 'endpoint' ? 'reader' : area
}

/** The headers every response carries. HSTS only once the public URL is https. */
export function constantHeaders({ https }: PolicyOptions): Record<string, string> {
  return {
    'Permissions-Policy':
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  }
}

function decode(body: Buffer, encoding: string): string {
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8')
  if (encoding === 'deflate') return zlib.inflateSync(body).toString('utf8')
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8')
  return body.toString('utf8')
}

function encode(html: string, encoding: string): Buffer {
  if (encoding === 'gzip') return zlib.gzipSync(html)
  if (encoding === 'deflate') return zlib.deflateSync(html)
  if (encoding === 'br') return zlib.brotliCompressSync(html)
  return Buffer.from(html, 'utf8')
}

/** writeHead's headers, as an object or as Node's flat [name, value, …] list. */
function headerPairs(headers: OutgoingHttpHeaders | string[] | undefined) {
  if (!headers) return []
  if (!Array.isArray(headers)) return Object.entries(headers)
  const pairs: [string, string][] = []
  for (let index = 0; index + 1 < headers.length; index += 2) {
    pairs.push([headers[index]!, headers[index + 1]!])
  }
  return pairs
}

type WriteHead = ServerResponse['writeHead']
type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => ServerResponse

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return null
  if (Buffer.isBuffer(chunk)) return chunk
  if (chunk instanceof Uint8Array) return Buffer.from(chunk)
  return Buffer.from(
    String(chunk),
    typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
  )
}

/**
 * Holds back an HTML response until it is complete, then sends it with the
 * policy made from its body. The methods replaced here sit beneath Next's
 * compression (which wraps them once the handler runs), so what arrives is
 * what goes on the wire; it is decoded only to be read. Anything that is not
 * an HTML body (a 304, a redirect, JSON, HEAD) goes through untouched.
 */
function holdHtmlForPolicy(
  response: ServerResponse,
  policy: (html: string) => string,
  replacement: () => Promise<string | null> | null,
): void {
  const writeHead = response.writeHead.bind(response) as WriteHead
  const write = response.write.bind(response) as Write
  const end = response.end.bind(response) as End
  const flushHeaders = response.flushHeaders.bind(response)
  let holding: boolean | null = null
  let headArgs: unknown[] = []
  const chunks: Buffer[] = []

  const decide = () => {
    if (holding !== null) return holding
    const type = String(response.getHeader('content-type') ?? '')
    holding =
      /^text\/html\b/i.test(type) && response.statusCode !== 304 && response.statusCode !== 204
    return holding
  }

  response.writeHead = ((...args: unknown[]) => {
    // Node's own header handling, and Next's compression, call this once per write until a head is sent.
    const [status] = args
    if (typeof status === 'number') response.statusCode = status
    const headers = args.find((arg, index) => index > 0 && arg && typeof arg === 'object')
    for (const [name, value] of headerPairs(
      headers as OutgoingHttpHeaders | string[] | undefined,
    )) {
      if (value !== undefined) response.setHeader(name, value)
    }
    if (!decide()) return (writeHead as (...a: unknown[]) => ServerResponse)(...args)
    headArgs = typeof args[1] === 'string' ? [args[0], args[1]] : [args[0]]
    return response
  }) as WriteHead
  response.flushHeaders = () => {
    if (!decide()) flushHeaders()
  }
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (!decide()) return write(chunk, encoding, callback)
    const buffer = toBuffer(chunk, encoding)
    if (buffer) chunks.push(buffer)
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') process.nextTick(done as () => void)
    return true
  }) as ServerResponse['write']
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (!decide()) return end(chunk, encoding, callback)
    const buffer = toBuffer(chunk, encoding)
    if (buffer) chunks.push(buffer)
    const body = Buffer.concat(chunks)
    const contentEncoding = String(response.getHeader('content-encoding') ?? 'identity')
    const done = [encoding, callback].find((arg) => typeof arg === 'function')
    const send = (bytes: Buffer, html: string) => {
      response.setHeader('Content-Security-Policy', policy(html))
      if (response.hasHeader('content-length')) response.setHeader('Content-Length', bytes.length)
      // The status as it stands now (writeHead above copied Next's into it; a replacement may set its own).
      ;(writeHead as (...a: unknown[]) => ServerResponse)(response.statusCode, ...headArgs.slice(1))
      return end(bytes, done as (() => void) | undefined)
    }
    const replacing = replacement()
    if (!replacing) return send(body, decode(body, contentEncoding))
    // Another document in its place, in the same encoding; Next's own answer when there is none.
    const original = () => send(body, decode(body, contentEncoding))
    replacing.then(
      (html) => {
        if (!html) return original()
        response.removeHeader('etag')
        return send(encode(html, contentEncoding), html)
      },
      () => original(),
    )
    return response
  }) as ServerResponse['end']
}

/**
 * Every response's security headers: the constant ones, the API's policy on
 * what it answers, and,
 * on HTML pages of the site and the admin, the policy with that page's
 * inline script hashes.
 */
export function applySecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  options: PolicyOptions & {
    /** The designed 404 document (./notFoundDocument.ts), sent as the body of a reader page's 404. */
    notFoundDocument?: () => Promise<string | null>
  },
): void {
  for (const [name, value] of Object.entries(constantHeaders(options))) {
    response.setHeader(name, value)
  }
  const pathname = new URL(request.url ?? '/', 'http://site.invalid').pathname
  const area = areaOf(pathname)
  if (area === 'static') return
  if (area === 'api') {
    // A file Payload serves sets its own, stricter policy, which replaces this one.
    response.setHeader('Content-Security-Policy', API_POLICY)
    return
  }
  if (request.method !== 'GET') return
  // The not-found page's own address is a 404 to everyone but the server asking itself.
  const notFoundPage = pathname === NOT_FOUND_PAGE_PATH && !isSelfRequest(request.headers)
  const replacement = () => {
    if (notFoundPage) response.statusCode = 404
    if (area !== 'reader' || response.statusCode !== 404 || !options.notFoundDocument) return null
    return options.notFoundDocument()
  }
  holdHtmlForPolicy(
    response,
    (html) => {
      // A reader page the proxy stores (proxy.ts named its keys) is also purged with its images.
      const keys = response.getHeader(KEYS_HEADER)
      if (area === 'reader' && typeof keys === 'string') {
        const images = imageKeys(html, env.S3?.publicUrl)
        if (images.length > 0) response.setHeader(KEYS_HEADER, `${keys} ${images.join(' ')}`)
      }
      return htmlPolicy(area === 'admin' ? 'admin' : 'reader', html, options)
    },
    replacement,
  )
}
