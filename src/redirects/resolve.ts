import pg from 'pg'

import { noteDatabaseError, noteDatabaseReachable } from '@/lib/outage'
import { FEED_FILES, type FeedFormat, urls } from '@/lib/urls'

import { lookupForm, MAX_REDIRECT_HOPS } from './paths'

export type RedirectAnswer = { location: string; status: 301 | 302 | 307 | 308 }

type Row = {
  from: string
  type: string
  to_type: 'reference' | 'custom' | null
  to_url: string | null
  article_slug: string | null
  article_status: string | null
  article_section_slug: string | null
  section_slug: string | null
}

/*
 * One read of the plugin's tables (redirects + redirects_rels, named by the
 * migration 20261129_025209_seo_and_redirects) with the current slugs of the
 * document each redirect leads to. URLs are then built by the one URL rule.
 */
const LOOKUP = `
  select r."from", r.type, r.to_type, r.to_url,
         a.slug as article_slug, a._status as article_status, asec.slug as article_section_slug,
         s.slug as section_slug
    from redirects r
    left join redirects_rels rr on rr.parent_id = r.id and rr.path = 'to.reference'
    left join articles a on a.id = rr.articles_id
    left join sections asec on asec.id = a.section_id
    left join sections s on s.id = rr.sections_id
   where r."from" = any($1::text[])`

const FORMAT_OF_FILE = new Map(
  Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]),
)

function targetOf(row: Row): string | null {
  if (row.to_type === 'custom') return row.to_url
  if (row.article_slug) {
    if (row.article_status !== 'published') return null
    return urls.article({ slug: row.article_slug, section: { slug: row.article_section_slug } })
  }
  return row.section_slug ? urls.desk({ slug: row.section_slug }) : null
}

/**
 * Addresses whose redirect might apply to `path`: the path itself; for a
 * desk's article `/{desk}/{slug}` or feed `/feeds/{desk}/{file}`, the desk's
 * own old address (a renamed desk moves everything under it).
 */
function candidates(path: string): string[] {
  const segments = path.split('/').filter(Boolean)
  const list = [path]
  if (segments.length === 2) list.push(`/${segments[0]}`)
  if (segments.length === 3 && segments[0] === 'feeds') list.push(`/${segments[1]}`)
  return list
}

function viaRenamedDesk(path: string, rows: Row[]): string | null {
  const segments = path.split('/').filter(Boolean)
  const deskOf = (from: string) => rows.find((row) => row.from === from && row.section_slug)
  if (segments.length === 2) {
    const desk = deskOf(`/${segments[0]}`)
    if (desk) return urls.article({ slug: segments[1], section: { slug: desk.section_slug } })
  }
  if (segments.length === 3 && segments[0] === 'feeds') {
    const desk = deskOf(`/${segments[1]}`)
    const format = FORMAT_OF_FILE.get(segments[2])
    if (desk && format) return urls.feed(format, { slug: desk.section_slug })
  }
  return null
}

export type Lookup = (paths: string[]) => Promise<Row[]>

/**
 * Follows stored redirects from `pathname` to where the reader should land,
 * in one answer (a chain of old addresses never costs the reader two hops).
 * Null when the address does not redirect.
 */
export async function resolveRedirect(
  pathname: string,
  lookup: Lookup,
): Promise<RedirectAnswer | null> {
  let path = lookupForm(pathname)
  const seen = new Set([path])
  let location: string | null = null
  let status: RedirectAnswer['status'] | null = null
  for (let hop = 0; hop < MAX_REDIRECT_HOPS; hop += 1) {
    const rows = await lookup(candidates(path))
    const exact = rows.find((row) => row.from === path)
    const target = exact ? targetOf(exact) : viaRenamedDesk(path, rows)
    if (!target) break
    status ??= exact ? (Number(exact.type) as RedirectAnswer['status']) : 301
    location = target
    if (/^https?:\/\//i.test(target)) break
    const nextPath = lookupForm(target.replace(/[?#].*$/, ''))
    if (seen.has(nextPath)) break
    seen.add(nextPath)
    path = nextPath
  }
  return location && status ? { location, status } : null
}

/** A lookup against PostgreSQL. */
export function sqlLookup(pool: pg.Pool): Lookup {
  return async (paths) => (await pool.query<Row>(LOOKUP, [paths])).rows
}

type Cached = { answer: Promise<RedirectAnswer | null>; fresh: number }

export interface RedirectResolverOptions {
  connectionString: string
  /** How long an answer counts as current; a changed redirect shows within this. */
  ttlMs?: number
  maxEntries?: number
}

/**
 * The resolver proxy.ts asks on every page request. Answers are kept in
 * memory: a reader is answered from there at once while an answer older than
 * a second is refreshed in the background (one query per address however
 * many readers ask), so a hot article costs at most one indexed lookup a
 * second and no reader waits for it. Only the first request for an address
 * waits. When the database is unreachable the resolver steps aside for five
 * seconds and pages keep being served from the cache.
 */
export function createRedirectResolver({
  connectionString,
  ttlMs = 1000,
  maxEntries = 5000,
}: RedirectResolverOptions) {
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    connectionTimeoutMillis: 1000,
    query_timeout: 1000,
    idleTimeoutMillis: 30_000,
  })
  pool.on('error', () => {})
  const lookup = sqlLookup(pool)
  const cache = new Map<string, Cached>()
  let pausedUntil = 0

  function refresh(pathname: string, previous: Cached | undefined): Promise<RedirectAnswer | null> {
    // Every page request asks here first, so this is where the app first hears of an outage
    // (src/lib/outage.ts) and of the database coming back.
    const answer = resolveRedirect(pathname, lookup).then(
      (found) => {
        noteDatabaseReachable()
        return found
      },
      (error: unknown) => {
        // Its own pool's error: a refused or reset connection here is the database's.
        noteDatabaseError(error, { fromDatabase: true })
        pausedUntil = Date.now() + 5000
        console.warn(
          `Redirect lookup failed; serving pages without redirects for 5 s: ${String(error)}`,
        )
        cache.delete(pathname)
        return previous ? previous.answer : null
      },
    )
    cache.delete(pathname)
    cache.set(pathname, { answer, fresh: Date.now() + ttlMs })
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string)
    return answer
  }

  /** `fresh`: the caller must have the database's current answer (the app re-warming a page). */
  function resolve(pathname: string, fresh = false): Promise<RedirectAnswer | null> {
    const hit = cache.get(pathname)
    const now = Date.now()
    if (fresh && now >= pausedUntil) return refresh(pathname, hit)
    if (hit && hit.fresh > now) return hit.answer
    if (now < pausedUntil) return hit ? hit.answer : Promise.resolve(null)
    if (!hit || ttlMs === 0) return refresh(pathname, hit)
    // Stale: answer with what we had, refresh for the next reader.
    void refresh(pathname, hit)
    return hit.answer
  }

  return { resolve, close: () => pool.end() }
}
