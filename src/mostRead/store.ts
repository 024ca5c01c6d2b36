import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { rowsOf } from '@/lib/database'
import { hmac } from '@/lib/secrets'
import { addressNetwork } from '@/server/clientAddress'

/*
 * Page views in PostgreSQL (migrations/20261201_220200_most_read.ts), so every
 * app process and replica counts into one place. No address is stored: a
 * reader is an HMAC of their address (an IPv6 reader's /64) and browser,
 * salted with the day, so the same reader matches again today and never
 * after; those hashes are pruned once their day is over.
 */

/** Requests one address may make to the view endpoint per minute; beyond it, 429. */
export const VIEWS_PER_MINUTE = 60

/** Today in UTC, the period within which one reader counts once per article. */
export function viewDay(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** Who read, for today only: never the address itself. */
export function readerHash(address: string, userAgent: string, day = viewDay()): string {
  return hmac(`most-read:${day}`, `${addressNetwork(address)}\n${userAgent}`).slice(0, 32)
}

/** Who is asking, for the flood cap: the address (or /64) alone, hashed with today's salt. */
export function limitHash(address: string, day = viewDay()): string {
  return hmac(`most-read-limit:${day}`, addressNetwork(address)).slice(0, 32)
}

/**
 * Counts one request from `limitKey` in its current minute. Returns the
 * seconds to wait when it is over the cap, null when it may go on.
 */
export async function countRequest(payload: Payload, limitKey: string): Promise<number | null> {
  const result = await payload.db.drizzle.execute(sql`
    INSERT INTO article_view_limits AS l (reader, window_start, requests)
    VALUES (${limitKey}, now(), 1)
    ON CONFLICT (reader) DO UPDATE SET
      requests = CASE WHEN l.window_start <= now() - interval '1 minute' THEN 1 ELSE l.requests + 1 END,
      window_start = CASE WHEN l.window_start <= now() - interval '1 minute' THEN now() ELSE l.window_start END
    RETURNING requests, extract(epoch FROM l.window_start + interval '1 minute' - now())::float AS wait`)
  const [row] = rowsOf<{ requests: number; wait: number }>(result)
  if (!row || row.requests <= VIEWS_PER_MINUTE) return null
  return Math.max(1, Math.ceil(row.wait))
}

export type ViewOutcome = 'counted' | 'repeat' | 'not-published'

/**
 * One view of a published article by `reader`: the first today adds one to
 * the article's current hour; a repeat, or an article that is unknown or not
 * published, stores nothing.
 */
export async function recordView(
  payload: Payload,
  articleId: number,
  reader: string,
  day = viewDay(),
): Promise<ViewOutcome> {
  const result = await payload.db.drizzle.execute(sql`
    WITH article AS (
      SELECT id FROM articles WHERE id = ${articleId} AND _status = 'published'
    ), first_view AS (
      INSERT INTO article_view_readers (day, article_id, reader)
      SELECT ${day}::date, id, ${reader} FROM article
      ON CONFLICT DO NOTHING
      RETURNING article_id
    ), counted AS (
      INSERT INTO article_views (article_id, hour, views)
      SELECT article_id, date_trunc('hour', now()), 1 FROM first_view
      ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views.views + 1
      RETURNING views
    )
    SELECT (SELECT count(*) FROM article)::int AS published, (SELECT count(*) FROM counted)::int AS counted`)
  const [row] = rowsOf<{ published: number; counted: number }>(result)
  if (!row?.published) return 'not-published'
  return row.counted > 0 ? 'counted' : 'repeat'
}

/** A published article's views over a period, with what a list needs to show it. */
export interface ReadArticle {
  id: number
  headline: string
  slug: string | null
  deskSlug: string | null
  deskName: string | null
  views: number
}

/**
 * The most-viewed published articles since `since` (hours starting after it),
 * most first; ties go to the newer article. `deskId` narrows it to one desk.
 */
export async function topArticles(
  payload: Payload,
  { since, limit, deskId }: { since: Date; limit: number; deskId?: number },
): Promise<ReadArticle[]> {
  const desk = deskId === undefined ? sql`` : sql`AND a.section_id = ${deskId}`
  const result = await payload.db.drizzle.execute(sql`
    SELECT a.id, a.headline, a.slug, s.slug AS "deskSlug", s.name AS "deskName",
           sum(v.views)::int AS views
    FROM article_views v
    JOIN articles a ON a.id = v.article_id AND a._status = 'published'
    LEFT JOIN sections s ON s.id = a.section_id
    WHERE v.hour > ${since.toISOString()}::timestamptz ${desk}
    GROUP BY a.id, a.headline, a.slug, s.slug, s.name
    ORDER BY views DESC, a.id DESC
    LIMIT ${limit}`)
  return rowsOf<ReadArticle>(result)
}

/**
 * Stores `ranking` as the rail's current one. True only for the one caller
 * that changed it, so however many processes re-rank, a change purges once.
 */
export async function storeRanking(payload: Payload, ranking: string): Promise<boolean> {
  const result = await payload.db.drizzle.execute(sql`
    INSERT INTO most_read_ranking AS r (id, ranking, updated_at) VALUES (1, ${ranking}, now())
    ON CONFLICT (id) DO UPDATE SET ranking = excluded.ranking, updated_at = now()
    WHERE r.ranking IS DISTINCT FROM excluded.ranking
    RETURNING id`)
  return rowsOf(result).length > 0
}

/** Forgets readers' hashes once their day is over and flood counts once their minute is. */
export async function pruneViewState(payload: Payload, day = viewDay()): Promise<void> {
  await payload.db.drizzle.execute(sql`DELETE FROM article_view_readers WHERE day < ${day}::date`)
  await payload.db.drizzle.execute(
    sql`DELETE FROM article_view_limits WHERE window_start < now() - interval '1 minute'`,
  )
}
