import type { Invalidation } from '@/revalidation/invalidate'
import { cacheTags } from '@/queries/tags'

/**
 * Surrogate keys: how the proxy knows which stored pages a change makes stale.
 * A page answers with the cache tags of everything it shows (the builders in
 * `@/queries/tags`, one spelling for Next's cache and the proxy's) plus a key
 * for its own path; a change purges its invalidation's tags and the keys of
 * its paths. tests/int/surrogateKeys.int.spec.ts checks the two meet for every
 * collection whose change reaches readers.
 */

/** How long the proxy keeps a page that no change has purged (browsers: 0). */
export const PROXY_TTL_SECONDS = 3600

/** The header Varnish's xkey module reads keys from (space-separated). */
export const KEYS_HEADER = 'xkey'

/** xkey splits on whitespace and commas; neither may appear inside a key. */
function keyOf(value: string): string {
  return value.replace(/[\s,]/g, (character) => encodeURIComponent(character))
}

/** The key of one public path (`/world`, `/world?page=2` and the like share it). */
export function pathKey(path: string): string {
  const pathname = path.split(/[?#]/, 1)[0] || '/'
  return keyOf(`path:${pathname}`)
}

const {
  articleLists,
  articlePage,
  breaking,
  bylines,
  commentCounts,
  commentSettings,
  desks,
  frontPage,
  mostRead,
  topics,
} = cacheTags

/** Everything a list of article cards shows: headlines, desks, bylines, comment counts. */
const LIST = [articleLists(), desks(), bylines(), commentCounts()]
/** Feeds and sitemaps: articles with their desks, bylines and topics. */
const FEED = [articleLists(), desks(), bylines(), topics()]

/**
 * The keys of the page at `pathname`, by the route that renders it; null for
 * what the proxy never stores (search answers from the database each time).
 * Every page carries `desks` (the navigation names them); every HTML page `breaking` too (the
 * banner above the content), so one purge takes a banner off the whole site.
 */
export function surrogateKeys(pathname: string): string[] | null {
  const segments = pathname.split('/').filter(Boolean)
  const [first, second] = segments
  let shown: string[]
  let html = true
  // The home page also carries the "Most read" rail.
  if (segments.length === 0) shown = [frontPage(), ...LIST, mostRead()]
  else if (first === 'search') return null
  else if (first === 'feeds' || first === 'sitemaps' || first === 'sitemap.xml') {
    shown = FEED
    html = false
  } else if (first === 'tags' && segments.length === 2) shown = [topics(), ...LIST]
  else if (first === 'authors' && segments.length === 2) shown = LIST
  else if (first === 'og' && segments.length === 3) {
    shown = [articlePage(`/${second}/${segments[2]}`)]
    html = false
  } else if (first === 'og' || first === 'robots.txt') {
    shown = []
    html = false
  } else if (segments.length === 1) shown = LIST
  else if (segments.length === 2) {
    // The article, its topics and bylines, related articles, whether comments are open; its
    // approved comments by its path's key (a comment knows its article, not the page's tags).
    shown = [
      articlePage(`/${first}/${second}`),
      topics(),
      articleLists(),
      bylines(),
      commentSettings(),
    ]
  } else shown = []
  const everywhere = html ? [desks(), breaking()] : [desks()]
  return [...new Set([...everywhere, ...shown].map(keyOf)), pathKey(pathname)]
}

/** Where the app serves an uploaded image's files (the proxy stores them under their path's key). */
export const MEDIA_FILE_PATH = '/api/media/file/'

/** An image's sizes are named `<original>-<width>x<height>.<ext>` (Payload's upload sizes). */
const SIZE_SUFFIX = /-\d+x\d+(\.[^.]+)$/
/** Past this many images a page relies on the Media hooks' own search for it (header size). */
const MAX_IMAGE_KEYS = 80

/**
 * The path an image file is keyed under on the pages that show it: its original's, a size
 * named by dropping its `-WxH` (`quay-400x250.webp` → `/api/media/file/quay.webp`).
 * collections/Media/hooks purge this path for every file of an image, so an original that is
 * itself called `photo-1600x900.jpg` (keyed `photo.jpg`) is purged too.
 */
export function imageKeyPath(fileName: string): string {
  return `${MEDIA_FILE_PATH}${encodeURIComponent(fileName.replace(SIZE_SUFFIX, '$1'))}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The keys of the images an HTML page shows — its hero, the images inside its
 * text, its share image, its cards' pictures — found in the page itself, so
 * no query can miss one: for each image, the key of its original file's path
 * (`path:/api/media/file/<name>`), which a change to or the deletion of that
 * image purges (collections/Media/hooks). Files a bucket serves
 * (S3_PUBLIC_URL) are named the same way.
 */
export function imageKeys(html: string, publicUrl?: string | null): string[] {
  const prefixes = [escapeRegExp(MEDIA_FILE_PATH)]
  if (publicUrl) prefixes.push(`${escapeRegExp(publicUrl.replace(/\/+$/, ''))}/(?:[^"'\\s?#<>]*/)?`)
  const pattern = new RegExp(`(?:${prefixes.join('|')})([^"'\\s\\\\?#<>/,]+)`, 'g')
  const keys = new Set<string>()
  for (const [, name] of html.matchAll(pattern)) {
    let file = name!
    try {
      file = decodeURIComponent(file)
    } catch {
      continue
    }
    keys.add(pathKey(imageKeyPath(file)))
    if (keys.size >= MAX_IMAGE_KEYS) break
  }
  return [...keys]
}

/**
 * The keys a change purges: soft (served once more from grace while the new
 * copy renders) for its tags and pages, hard for what no reader may get
 * again — tags it expires outright and paths it removed.
 */
export function purgeKeys(invalidation: Invalidation): { soft: string[]; hard: string[] } {
  const hard = new Set([
    ...(invalidation.expireNow ?? []).map(keyOf),
    ...(invalidation.removedPaths ?? []).map(pathKey),
  ])
  const soft = new Set(
    [...invalidation.cacheTags.map(keyOf), ...invalidation.paths.map(pathKey)].filter(
      (key) => !hard.has(key),
    ),
  )
  return { soft: [...soft], hard: [...hard] }
}
