import { type NextRequest, NextResponse } from 'next/server'

import { KEYS_HEADER, pathKey, PROXY_TTL_SECONDS, surrogateKeys } from '@/edge/keys'
import { runsReaderProxy } from '@/edge/paths'
import { WARM_HEADER } from '@/edge/purge'
import { env } from '@/env'
import { answerDuringOutage } from '@/lib/outageGate'
import { MAX_QUERY_LENGTH } from '@/lib/search'
import { absoluteUrl } from '@/lib/urls'
import { WORDPRESS_QUERY } from '@/redirects/paths'
import { createRedirectResolver } from '@/redirects/resolve'

type Resolver = ReturnType<typeof createRedirectResolver>
const RESOLVER = Symbol.for('broadsheet.redirectResolver')

function resolver(): Resolver {
  const store = globalThis as typeof globalThis & { [RESOLVER]?: Resolver }
  return (store[RESOLVER] ??= createRedirectResolver({
    connectionString: env.DATABASE_URL,
    ttlMs: env.REDIRECT_CACHE_SECONDS * 1000,
  }))
}

function searchTooLong(): NextResponse {
  return new NextResponse(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Search query too long — Broadsheet</title>
<main><h1>That search is too long</h1><p>Search queries are limited to ${MAX_QUERY_LENGTH} characters. Please use fewer words.</p><p><a href="/search">Search again</a></p></main></html>`,
    { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } },
  )
}

/**
 * What the caching proxy needs to know about a reader page: its surrogate
 * keys (everything it shows, so a change purges exactly the pages it
 * touches) and how long the proxy may keep it unpurged. Varnish reads both
 * and passes neither on.
 */
function forTheProxy(response: NextResponse, keys: string[] | null): NextResponse {
  if (!keys) return response
  response.headers.set(KEYS_HEADER, keys.join(' '))
  response.headers.set('surrogate-control', `max-age=${PROXY_TTL_SECONDS}`)
  return response
}

/**
 * Runs before every reader page:
 * - refuses search queries no person types (a 10 KB query string) with a 400
 *   and a message; pages cannot answer 400 themselves;
 * - answers old addresses (a changed slug or desk, or a redirect an editor
 *   added) with a 301 straight to the current one, keeping the query string.
 *   Next's own redirect() can only answer 307/308;
 * - while the database is unreachable, answers a page Next cannot render
 *   without it with the designed 503 page (src/lib/outageGate.ts);
 * - labels what it answers with surrogate keys for the caching proxy.
 */
export async function proxy(request: NextRequest) {
  const { pathname, searchParams, search } = request.nextUrl
  // The matcher below only pre-filters (Next needs it literal); the rule is src/edge/paths.ts.
  if (!runsReaderProxy(pathname)) return NextResponse.next()
  if (pathname === '/search' && searchParams.getAll('q').join(' ').length > MAX_QUERY_LENGTH) {
    return searchTooLong()
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  // The app re-warming a page it just purged (a redirect may have just changed) asks afresh.
  // An old WordPress address (`/?p=123`) is looked up with its query: a redirect stored by an import.
  const wordpress = pathname === '/' && WORDPRESS_QUERY.test(search)
  const answer = await resolver().resolve(
    wordpress ? `/${search}` : pathname,
    request.headers.has(WARM_HEADER),
  )
  if (!answer) {
    // During an outage, what this server could serve (its own second look carries the keys).
    const duringOutage = await answerDuringOutage(request)
    if (duringOutage) return duringOutage
    return forTheProxy(NextResponse.next(), surrogateKeys(pathname))
  }
  const external = /^https?:\/\//i.test(answer.location)
  let location = external ? answer.location : absoluteUrl(answer.location)
  if (search && !wordpress && !answer.location.includes('?')) location += search
  const response = NextResponse.redirect(location, answer.status)
  response.headers.set('cache-control', 'public, max-age=3600')
  // A redirect is purged with the page it replaced (its path's key) or when an editor changes it.
  return forTheProxy(response, [pathKey(pathname)])
}

export const config = {
  // Reader pages only: not Next's files, the admin, the API or the app's own endpoints. A literal
  // (Next reads it at build time) that tests/unit/pathRules.spec.ts holds to `runsReaderProxy`.
  matcher: [
    '/((?!_next/|api(?:/|$)|admin(?:/|$)|next/|favicon\\.ico$|icon\\.svg$|apple-touch-icon\\.png$).*)',
  ],
}
