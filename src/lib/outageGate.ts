import { randomUUID } from 'node:crypto'

import type { NextRequest } from 'next/server'

import { databaseSeemsDown } from '@/lib/outage'
import { ownOrigin } from '@/lib/ownOrigin'
import { unavailableReaderPage } from '@/lib/unavailable'
import { urls } from '@/lib/urls'

const RECHECK_HEADER = 'x-broadsheet-recheck'
const TOKEN = Symbol.for('broadsheet.recheckToken')

/** A secret of this process, so no reader can pass for its own second look. */
function recheckToken(): string {
  const store = globalThis as typeof globalThis & { [TOKEN]?: string }
  return (store[TOKEN] ??= randomUUID())
}

/** The request is this process asking itself (below): Next answers it as it would anyway. */
function isRecheck(request: NextRequest): boolean {
  return request.headers.get(RECHECK_HEADER) === recheckToken()
}

/**
 * Where the second look goes: this server, whatever the path says. The path is set, not resolved
 * against the origin, so `//elsewhere/x` can never name another host.
 */
export function recheckUrl(pathname: string, search: string): URL {
  const url = new URL(ownOrigin())
  url.pathname = pathname
  url.search = search
  return url
}

const unavailable = (pathname: string) =>
  unavailableReaderPage(pathname === urls.search() ? 'search' : 'page')

// Hop-by-hop, or describing the bytes as they came over the loopback: Next sets its own.
const NOT_PASSED = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
]

/**
 * While the database seems unreachable, a reader page is asked for once more,
 * by this process itself, before the reader is answered: Next serves what it
 * has (a cached article, a listing from cached data, a 404 it can tell without
 * the database) and that goes to the reader as it is; a page Next cannot
 * render without the database is answered with the designed 503 page and
 * Retry-After instead of Next's 500. Next lets a page answer 404 but never 503,
 * and proxy.ts (this) runs before the page and cannot see its answer, so it asks.
 * Null when the database seems fine, or the second look could not be made:
 * the request then goes on to Next as usual.
 */
export async function answerDuringOutage(request: NextRequest): Promise<Response | null> {
  if (!databaseSeemsDown() || isRecheck(request)) return null
  const { pathname, search } = request.nextUrl
  const headers = new Headers(request.headers)
  headers.delete('host')
  headers.set(RECHECK_HEADER, recheckToken())
  headers.set('accept-encoding', 'identity')
  let answer: Response
  try {
    answer = await fetch(recheckUrl(pathname, search), {
      method: request.method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    })
  } catch (error) {
    // No answer in time: a render waiting on a database that does not answer. Anything else
    // (this server not found where expected) leaves the request to Next.
    return (error as Error).name === 'TimeoutError' ? unavailable(pathname) : null
  }
  if (answer.status >= 500) {
    await answer.body?.cancel()
    return unavailable(pathname)
  }
  const passed = new Headers(answer.headers)
  for (const name of NOT_PASSED) passed.delete(name)
  return new Response(answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: passed,
  })
}
