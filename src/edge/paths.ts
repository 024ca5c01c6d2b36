/**
 * The one list of which paths are which, for every TypeScript side: the
 * security headers (src/server/securityHeaders.ts), the reader-page proxy
 * (proxy.ts: Next's `matcher` must be a literal, so it only pre-filters and
 * `runsReaderProxy` decides) and what the caching proxy is expected to do.
 * deploy/varnish/default.vcl writes the same rules in VCL;
 * tests/unit/pathRules.spec.ts checks it agrees with these on a table of paths.
 */

/** Next's build files (`/_next/static/…`, named by their content) and its other internals. */
const NEXT_FILES = /^\/_next\//
const ADMIN = /^\/admin(?:\/|\?|$)/
const API = /^\/api(?:\/|\?|$)/
/** The app's own endpoints: comments, preview, jobs, revalidation, page views. */
const APP_ENDPOINTS = /^\/next(?:\/|\?|$)/
/** Uploaded images, served by the API but public files, stored by the proxy like pages. */
const MEDIA_FILES = /^\/api\/media\/file\//
/** Search answers from the database each time. */
const SEARCH = /^\/search(?:\?|$)/
/**
 * An imported WordPress site's own query permalinks (`/?p=123`, `/?page_id=7`): the app answers them
 * with their redirect. Passed, not stored: every number would otherwise be a copy of the home page.
 */
const WORDPRESS_PERMALINK = /^\/\?(?:p|page_id)=[0-9]{1,12}$/
/** The site's icons: files, no redirects or outage page apply. */
const ICONS = /^\/(?:favicon\.ico|icon\.svg|apple-touch-icon\.png)$/

export type PathArea = 'static' | 'admin' | 'api' | 'endpoint' | 'reader'

/** Where a path belongs. */
export function pathArea(pathname: string): PathArea {
  if (NEXT_FILES.test(pathname)) return 'static'
  if (ADMIN.test(pathname)) return 'admin'
  if (API.test(pathname)) return 'api'
  if (APP_ENDPOINTS.test(pathname)) return 'endpoint'
  return 'reader'
}

/** Whether proxy.ts (redirects, the outage page, surrogate keys) handles the path: reader pages. */
export function runsReaderProxy(pathname: string): boolean {
  return pathArea(pathname) === 'reader' && !ICONS.test(pathname)
}

/**
 * What the caching proxy does with an anonymous GET (no login cookie): store
 * it (a reader page, an icon, Next's files, an uploaded image) or pass it to
 * the app every time.
 */
export function proxyKeeps(url: string): boolean {
  if (MEDIA_FILES.test(url)) return true
  const area = pathArea(url)
  if (area === 'admin' || area === 'api' || area === 'endpoint') return false
  return !SEARCH.test(url) && !WORDPRESS_PERMALINK.test(url)
}
