import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromBuffer } from 'file-type'

import { acceptedImageTypes } from '@/uploads/limits'

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

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

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

/** The images' own addresses, over HTTP(S): a time limit, a size cap, and only images. */
export function mediaFromWeb(options: { timeoutMs?: number; maxBytes?: number } = {}): MediaSource {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? MEDIA_MAX_BYTES
  return {
    describe: 'the web',
    async get(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return { ok: false, reason: `${url.protocol} addresses are not fetched` }
      }
      let response: Response
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError'
        return {
          ok: false,
          reason: timedOut
            ? `it did not arrive within ${timeoutMs / 1000} s`
            : `it could not be reached (${(error as Error).cause ?? (error as Error).message})`,
        }
      }
      if (!response.ok) {
        await response.body?.cancel()
        return { ok: false, reason: `the server answered ${response.status}` }
      }
      const declared = Number(response.headers.get('content-length') ?? 0)
      if (declared > maxBytes) {
        await response.body?.cancel()
        return { ok: false, reason: `it is over ${megabytes(maxBytes)}` }
      }
      const chunks: Buffer[] = []
      let size = 0
      const body = (response.body ?? []) as unknown as AsyncIterable<Uint8Array>
      for await (const chunk of body) {
        size += chunk.length
        if (size > maxBytes) return { ok: false, reason: `it is over ${megabytes(maxBytes)}` }
        chunks.push(Buffer.from(chunk))
      }
      return judged(Buffer.concat(chunks), url.pathname)
    },
  }
}
