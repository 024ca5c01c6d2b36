import { env } from '@/env'
import { checkHref } from '@/lib/safeHref'

/** Paths the site never redirects: the admin, the API and Next.js's own files. */
const RESERVED = /^\/(?:admin|api|_next|next)(?:\/|$)/

export const MAX_REDIRECT_PATH = 500

/** The query string of a WordPress post or page address on the home page: `?p=123`, `?page_id=7`. */
export const WORDPRESS_QUERY = /^\?(?:p|page_id)=\d{1,12}$/

/**
 * How many stored redirects a reader is led through, and how far a new one is
 * followed to find a loop. Moves collapse chains,
 * so readers normally meet one hop; hand-made chains are followed this far.
 */
export const MAX_REDIRECT_HOPS = 10

const WHERE =
  'The destination must be a path on this site (starting with "/") or an http:// or https:// URL.'

export type PathResult = { ok: true; path: string } | { ok: false; message: string }

/**
 * The one form of an old address that redirects are stored and looked up by:
 * a site path with a leading slash, percent-encoded, without trailing slash,
 * query or fragment. An editor may paste a full URL of this site.
 */
export function normaliseFromPath(input: unknown): PathResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: 'Enter the old address, for example /technology/old-headline.' }
  }
  const raw = input.trim()
  if (raw.length > MAX_REDIRECT_PATH) {
    return { ok: false, message: `The old address is longer than ${MAX_REDIRECT_PATH} characters.` }
  }
  let url: URL
  try {
    url = /^https?:\/\//i.test(raw) ? new URL(raw) : new URL(raw, env.NEXT_PUBLIC_SERVER_URL)
  } catch {
    return { ok: false, message: 'The old address is not a web address or a path.' }
  }
  if (/^https?:\/\//i.test(raw) && url.origin !== new URL(env.NEXT_PUBLIC_SERVER_URL).origin) {
    return {
      ok: false,
      message: 'The old address must be on this site; enter its path, like /section/slug.',
    }
  }
  if (!/^https?:\/\//i.test(raw) && (!raw.startsWith('/') || raw.startsWith('//'))) {
    return {
      ok: false,
      message: 'The old address must start with a single "/", like /section/slug.',
    }
  }
  // WordPress's own query permalinks (`/?p=123`, `/?page_id=7`): the one query form stored, so
  // an imported archive's oldest links keep working (src/import/wordpress).
  if (url.pathname === '/' && !url.hash && WORDPRESS_QUERY.test(url.search)) {
    return { ok: true, path: `/${url.search}` }
  }
  if (url.search || url.hash) {
    return {
      ok: false,
      message: 'Leave out the part after "?" or "#"; redirects match the path only.',
    }
  }
  const path = trimSlash(url.pathname)
  try {
    decodeURIComponent(path)
  } catch {
    return {
      ok: false,
      message: 'The old address has a broken %-escape; copy it again from the browser.',
    }
  }
  if (path === '/') return { ok: false, message: 'The home page cannot be redirected.' }
  if (RESERVED.test(path)) {
    return {
      ok: false,
      message: `${path} belongs to the admin or the API and cannot be redirected.`,
    }
  }
  return { ok: true, path }
}

/**
 * Where a hand-made redirect may point: a path on this site or an http(s)
 * URL elsewhere. Never `javascript:`, `data:` or a protocol-relative `//host`.
 */
export function normaliseTargetUrl(input: unknown): PathResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return {
      ok: false,
      message: 'Enter where the redirect goes: a path like /section/slug or a full https:// URL.',
    }
  }
  const raw = input.trim()
  if (raw.length > 2000)
    return { ok: false, message: 'The destination is longer than 2,000 characters.' }
  // The site's one URL policy first: no backslashes, hidden characters or entities.
  const check = checkHref(raw)
  if (!check.ok)
    return { ok: false, message: `That destination is refused (${check.reason}). ${WHERE}` }
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    return sitePath(new URL(raw, env.NEXT_PUBLIC_SERVER_URL))
  }
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      if (url.origin === new URL(env.NEXT_PUBLIC_SERVER_URL).origin) return sitePath(url)
      return { ok: true, path: url.toString() }
    }
  } catch {
    // falls through to the message below
  }
  return { ok: false, message: WHERE }
}

/** A destination on this site, as stored; a path resolving to `//host` would send readers to host. */
function sitePath(url: URL): PathResult {
  if (url.pathname.startsWith('//')) {
    return {
      ok: false,
      message: `That destination is refused (its path starts with //, which leaves the site). ${WHERE}`,
    }
  }
  return { ok: true, path: trimSlash(url.pathname) + url.search + url.hash }
}

/** A request path in stored form (percent-encoded, no trailing slash). */
export function lookupForm(pathname: string): string {
  return trimSlash(pathname)
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path
}
