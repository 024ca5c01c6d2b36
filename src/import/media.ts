import { readFile, realpath, stat } from 'node:fs/promises'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import path from 'node:path'

import { fileTypeFromBuffer } from 'file-type'
import { type Payload, ValidationError } from 'payload'
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent'

import type { ContentBlock, ContentSection } from '@/content/types'
import { acceptedImageTypes } from '@/uploads/limits'

import { htmlToText, type ImageRef } from './wordpress/html'

/**
 * Where an archive import gets the images an export refers to: a folder the
 * old site's uploads were copied to (`--media-from`), or their addresses on the
 * web (`--fetch-media`). Either way an image is judged by its bytes, never by
 * its name or the type a server claims: only JPEG, PNG, WebP, AVIF and GIF are
 * taken (an SVG, which can carry script, or a web page named .jpg is refused),
 * and nothing larger than MEDIA_MAX_BYTES is read.
 */

export const MEDIA_MAX_BYTES = 20 * 1024 * 1024
const FETCH_TIMEOUT_MS = 15_000

export type Fetched =
  { ok: true; data: Buffer; mimetype: string; name: string } | { ok: false; reason: string }

export interface MediaSource {
  /** "a folder", "the web": as report lines say where an image was looked for. */
  describe: string
  get(url: URL): Promise<Fetched>
  /** The web's rules, for a source that fetches (--fetch-media): embeds are resolved by them. */
  web?: WebOptions
}

async function judged(data: Buffer, name: string): Promise<Fetched> {
  const sniffed = await fileTypeFromBuffer(data)
  if (!sniffed || !acceptedImageTypes.includes(sniffed.mime)) {
    return {
      ok: false,
      reason: `it is not a JPEG, PNG, WebP, AVIF or GIF image by its bytes (${sniffed?.mime ?? 'unknown content'})`,
    }
  }
  const base = path.basename(name).replace(/\.[^.]*$/, '') || 'image'
  return { ok: true, data, mimetype: sniffed.mime, name: `${base}.${sniffed.ext}` }
}

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * A folder holding the old site's uploads: `/wp-content/uploads/2024/05/a.jpg`
 * (WordPress) or `/content/images/2024/05/a.jpg` (Ghost) is `<dir>/2024/05/a.jpg`;
 * any other address is its path under the folder. Nothing outside it is read.
 */
export function mediaFromFolder(dir: string): MediaSource {
  const root = path.resolve(dir)
  return {
    describe: `the folder ${dir}`,
    async get(url) {
      let relative: string
      try {
        relative = decodeURIComponent(url.pathname)
      } catch {
        return { ok: false, reason: 'its address is not a valid path' }
      }
      relative = relative.replace(/^.*?\/(?:wp-content\/uploads|content\/images)\//, '')
      const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`)
      try {
        const real = await realpath(file)
        const realRoot = await realpath(root)
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
          return { ok: false, reason: `it is outside ${dir}` }
        }
        const info = await stat(real)
        if (!info.isFile())
          return { ok: false, reason: `${path.relative(root, file)} is not a file` }
        if (info.size > MEDIA_MAX_BYTES) {
          return { ok: false, reason: `it is over ${megabytes(MEDIA_MAX_BYTES)}` }
        }
        return await judged(await readFile(real), file)
      } catch {
        return { ok: false, reason: `there is no ${path.relative(root, file)} in ${dir}` }
      }
    },
  }
}

export interface WebOptions {
  timeoutMs?: number
  maxBytes?: number
  /**
   * Fetch from loopback, private, link-local and other reserved addresses too
   * (`--fetch-media-private`): only for an old site on the newsroom's own
   * network. Off by default, so an export cannot make the import read the
   * machine's own services or a cloud metadata address (SSRF).
   */
  allowPrivate?: boolean
  /** What lifts the rule, for the reason given when an address is refused. */
  privateHint?: string
}

const MAX_REDIRECTS = 5

type Answer = { status: number; location: string | null; length: number; body: IncomingMessage }

/** One GET through an agent that refuses private and reserved addresses at connect time. */
function get(url: URL, timeoutMs: number, allowPrivate: boolean, signal: AbortSignal) {
  const agent =
    url.protocol === 'https:'
      ? new RequestFilteringHttpsAgent({ allowPrivateIPAddress: allowPrivate })
      : new RequestFilteringHttpAgent({ allowPrivateIPAddress: allowPrivate })
  const request = url.protocol === 'https:' ? https.get : http.get
  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, { agent, signal, timeout: timeoutMs }, (body) => {
      resolve({
        status: body.statusCode ?? 0,
        location: body.headers.location ?? null,
        length: Number(body.headers['content-length'] ?? 0),
        body,
      })
    })
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })),
    )
    req.on('error', reject)
  }).finally(() => agent.destroy())
}

/**
 * The images' own addresses, over HTTP(S): a time limit, a size cap, only
 * images, and only public addresses unless `allowPrivate` (each redirect is
 * checked again, and the address checked is the one connected to, so a name
 * that resolves to 127.0.0.1 or changes between lookups gets nothing).
 */
export function mediaFromWeb(options: WebOptions = {}): MediaSource {
  return {
    describe: 'the web',
    web: options,
    async get(url) {
      const fetched = await fetchPublic(url, {
        ...options,
        maxBytes: options.maxBytes ?? MEDIA_MAX_BYTES,
      })
      return fetched.ok ? judged(fetched.data, fetched.url.pathname) : fetched
    },
  }
}

export type FetchedBytes =
  { ok: true; data: Buffer; contentType: string; url: URL } | { ok: false; reason: string }

/**
 * GET over HTTP(S) with a time limit, a size cap and (unless `allowPrivate`)
 * only public addresses, checked at connect time and again at each redirect
 * (at most five): for anything the server fetches because someone named an
 * address — an import's images, an embed's oEmbed data.
 */
export async function fetchPublic(start: URL, options: WebOptions = {}): Promise<FetchedBytes> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? MEDIA_MAX_BYTES
  const allowPrivate = options.allowPrivate ?? false
  const signal = AbortSignal.timeout(timeoutMs)
  let url = start
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { ok: false, reason: `${url.protocol} addresses are not fetched` }
    }
    let answer: Answer
    try {
      answer = await get(url, timeoutMs, allowPrivate, signal)
    } catch (error) {
      const message = (error as Error).message
      const timedOut = (error as Error).name === 'TimeoutError' || signal.aborted
      return {
        ok: false,
        reason: timedOut
          ? `it did not arrive within ${timeoutMs / 1000} s`
          : /is not allowed/.test(message)
            ? `${url.host} is a private or reserved address, which is not fetched (${options.privateHint ?? '--fetch-media-private allows it'})`
            : `it could not be reached (${(error as NodeJS.ErrnoException).code ?? message})`,
      }
    }
    const { status, location, length, body } = answer
    if (status >= 300 && status < 400 && location) {
      body.resume()
      if (hop === MAX_REDIRECTS) {
        return { ok: false, reason: `it redirected more than ${MAX_REDIRECTS} times` }
      }
      url = new URL(location, url)
      continue
    }
    if (status < 200 || status >= 300) {
      body.destroy()
      return { ok: false, reason: `the server answered ${status}` }
    }
    if (length > maxBytes) {
      body.destroy()
      return { ok: false, reason: `it is over ${megabytes(maxBytes)}` }
    }
    const chunks: Buffer[] = []
    let size = 0
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length
        if (size > maxBytes) {
          body.destroy()
          return { ok: false, reason: `it is over ${megabytes(maxBytes)}` }
        }
        chunks.push(chunk)
      }
    } catch {
      return { ok: false, reason: `it did not arrive within ${timeoutMs / 1000} s` }
    }
    return {
      ok: true,
      data: Buffer.concat(chunks),
      contentType: String(body.headers['content-type'] ?? ''),
      url,
    }
  }
}

/**
 * The Media library side of an import: one document per image address, made
 * from the image's bytes once (the address is remembered in `importedFrom`, so
 * a re-run reuses it), with alt text required. `get` answers null, with a line
 * to `note`, for an image with no alt text or caption, one that cannot be had,
 * or one the upload checks refuse. Call it outside any transaction: the file
 * is written to storage, which a rollback would not undo.
 */
export function mediaLibrary(
  payload: Payload,
  source: MediaSource,
  options: {
    context?: Record<string, unknown>
    onCreate?: () => void
    /** The address an image is remembered by (its URL by default). */
    addressOf?: (url: URL) => string
  } = {},
) {
  const base = { overrideAccess: true, depth: 0, context: options.context ?? {} } as const
  /**
   * Media ids by address; null for one that could not be had in this run. Kept as the
   * lookup itself, so posts imported at once that show one image wait for one copy of it.
   */
  const ids = new Map<string, Promise<number | null>>()
  return {
    image(
      url: URL,
      words: { alt: string; caption: string },
      note: (message: string) => void,
    ): Promise<number | null> {
      const address = options.addressOf?.(url) ?? url.href
      let known = ids.get(address)
      if (!known) {
        known = bring(url, address, words, note)
        ids.set(address, known)
      }
      return known
    },
  }

  async function bring(
    url: URL,
    address: string,
    words: { alt: string; caption: string },
    note: (message: string) => void,
  ): Promise<number | null> {
    const short = address.length > 90 ? `…${address.slice(-88)}` : address
    const alt = htmlToText(words.alt) || htmlToText(words.caption)
    const caption = htmlToText(words.caption).slice(0, 500)
    const { docs } = await payload.find({
      collection: 'media',
      where: { importedFrom: { equals: address } },
      limit: 1,
      pagination: false,
      ...base,
    })
    if (docs[0]) return docs[0].id
    if (!alt) {
      note(`The image ${short} has no alt text or caption: left out. Add it in Media.`)
      return null
    }
    const fetched = await source.get(url)
    if (!fetched.ok) {
      note(
        `The image ${short} could not be had from ${source.describe}: ${fetched.reason}. Its alt text${caption ? ' and caption were' : ' was'} kept.`,
      )
      return null
    }
    try {
      const doc = await payload.create({
        collection: 'media',
        data: { alt: alt.slice(0, 250), ...(caption ? { caption } : {}), importedFrom: address },
        file: {
          data: fetched.data,
          mimetype: fetched.mimetype,
          name: fetched.name,
          size: fetched.data.length,
        },
        ...base,
      })
      options.onCreate?.()
      return doc.id
    } catch (error) {
      note(`The image ${short} was refused: ${messageOf(error)} Its alt text was kept.`)
      return null
    }
  }
}

/**
 * The body with its images settled: an image that became Media stays a block; one that did
 * not is its alt text in italics (as without media), and a gallery keeps the images it has.
 */
export function settleImages(
  sections: ContentSection[],
  refs: ImageRef[],
  ids: Map<string, number>,
): ContentSection[] {
  if (refs.length === 0) return sections
  const byKey = new Map(refs.map((ref) => [ref.key, ref]))
  const words = (key: string): ContentBlock[] => {
    const alt = htmlToText(byKey.get(key)?.alt ?? '')
    return alt ? [{ type: 'paragraph', children: [{ text: `[Image: ${alt}]`, italic: true }] }] : []
  }
  return sections.map((section) => ({
    ...section,
    blocks: section.blocks.flatMap((block): ContentBlock[] => {
      if (block.type === 'image') return ids.has(block.image) ? [block] : words(block.image)
      if (block.type !== 'gallery') return [block]
      const images = block.images.filter((entry) => ids.has(entry.image))
      if (images.length === block.images.length) return [block]
      const missing = block.images.filter((entry) => !ids.has(entry.image))
      return [
        ...(images.length > 0 ? [{ ...block, images }] : []),
        ...missing.flatMap((entry) => words(entry.image)),
      ]
    }),
  }))
}

/** What a failed save says, for a report line. */
export function messageOf(error: unknown): string {
  if (error instanceof ValidationError) {
    return error.data.errors.map((detail) => `${detail.path}: ${detail.message}`).join('; ')
  }
  return error instanceof Error ? error.message : String(error)
}
