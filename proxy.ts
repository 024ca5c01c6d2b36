import { type NextRequest, NextResponse } from 'next/server'

import { MAX_QUERY_LENGTH } from '@/lib/search'

/**
 * Refuses search queries no person types (a 10 KB query string) with a 400
 * and a message, before any page renders. Pages cannot answer 400 themselves.
 */
export function proxy(request: NextRequest) {
  const q = request.nextUrl.searchParams.getAll('q').join(' ')
  if (q.length <= MAX_QUERY_LENGTH) return NextResponse.next()
  return new NextResponse(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Search query too long — Broadsheet</title>
<main><h1>That search is too long</h1><p>Search queries are limited to ${MAX_QUERY_LENGTH} characters. Please use fewer words.</p><p><a href="/search">Search again</a></p></main></html>`,
    { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } },
  )
}

export const config = { matcher: '/search' }
