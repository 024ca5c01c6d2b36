import { sql } from '@payloadcms/db-postgres'

import { urls } from '@/lib/urls'

import type { CommentArticle } from './article'
import { DUPLICATE_WINDOW_MINUTES, type FloodWindow } from './floodControl'
import type { CommentDb } from './locks'

/*
 * The comment POST's two statements (inside the transaction that holds the
 * submission's locks, src/comments/locks.ts). A busy thread takes hundreds of comments
 * a second, so the checks read everything they need in one round trip, and
 * the new comment is written by one INSERT; the rules themselves stay in
 * submit.ts, floodControl.ts and closing.ts, unchanged. Both statements
 * write and read the tables Payload made for the Comments collection
 * (collections/Comments, migration 20261129_000552_comments), and
 * tests/int/comments/store.int.spec.ts checks a comment written here reads back
 * through Payload exactly as one Payload wrote, and that the collection's
 * hooks are still the ones this path stands in for.
 */

const HOUR_MS = 3_600_000

export interface CommentSettingsRow {
  closeAfterDays: number | null
  hourlyLimit: number | null
  blocklist: string | null
}

/** What the checks need about one submission, as the database has it now. */
export interface SubmissionState {
  /** The comment an earlier submission with the same key created. */
  replayId: number | null
  settings: CommentSettingsRow
  /** The article, if it exists and is published (what an anonymous reader may see). */
  article: CommentArticle | null
  /** The comment replied to, if it exists and is approved (what a reader may reply to). */
  parent: { articleId: number | null; parentId: number | null } | null
  flood: { address: FloodWindow; email: FloodWindow }
  /** The same text on the same article within the duplicate window. */
  duplicate: boolean
}

type Row = {
  replay_id: number | null
  close_after_days: string | number | null
  hourly_limit: string | number | null
  blocklist: string | null
  article_id: number | null
  article_slug: string | null
  desk_slug: string | null
  comments_enabled: boolean | null
  published_at: Date | string | null
  parent_found: boolean
  parent_article_id: number | null
  parent_parent_id: number | null
  ip_latest: Date | string | null
  ip_oldest: Date | string | null
  ip_count: number
  email_latest: Date | string | null
  email_oldest: Date | string | null
  email_count: number
  duplicate: boolean
}

const asDate = (value: Date | string | null): Date | null =>
  value === null ? null : new Date(value)
const asNumber = (value: string | number | null): number | null =>
  value === null ? null : Number(value)
const iso = (value: Date | string | null): string | null => asDate(value)?.toISOString() ?? null

/** Everything the checks read, in one statement. */
export async function readSubmissionState(
  db: CommentDb,
  submission: {
    submissionKey: string
    articleId: number
    parentId: number | null
    ipHash: string
    email: string
    body: string
    now: Date
  },
): Promise<SubmissionState> {
  const { submissionKey, articleId, parentId, ipHash, email, body, now } = submission
  const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString()
  const duplicateSince = new Date(now.getTime() - DUPLICATE_WINDOW_MINUTES * 60_000).toISOString()
  const result = await db.execute(sql`
    select
      (select id from comments where submission_key = ${submissionKey} limit 1) as replay_id,
      s.close_after_days, s.hourly_limit, s.blocklist,
      a.id as article_id, a.slug as article_slug, a.desk_slug, a.comments_enabled, a.published_at,
      p.id is not null as parent_found, p.article_id as parent_article_id,
      p.parent_id as parent_parent_id,
      fi.latest as ip_latest, fi.oldest as ip_oldest, fi.n as ip_count,
      fe.latest as email_latest, fe.oldest as email_oldest, fe.n as email_count,
      exists (
        select 1 from comments d
         where d.article_id = ${articleId} and d.body = ${body} and d.created_at > ${duplicateSince}
      ) as duplicate
    from (select 1) as one
    left join lateral (
      select close_after_days, hourly_limit, blocklist from comment_settings order by id limit 1
    ) s on true
    left join lateral (
      select a.id, a.slug, d.slug as desk_slug, a.comments_enabled, a.published_at
        from articles a left join sections d on d.id = a.section_id
       where a.id = ${articleId} and a._status = 'published'
    ) a on true
    left join lateral (
      select id, article_id, parent_id from comments
       where id = ${parentId ?? -1} and status = 'approved'
    ) p on true
    left join lateral (
      select max(created_at) as latest, min(created_at) as oldest, count(*)::int as n
        from comments where ip_hash = ${ipHash} and created_at > ${hourAgo}
    ) fi on true
    left join lateral (
      select max(created_at) as latest, min(created_at) as oldest, count(*)::int as n
        from comments where email = ${email} and created_at > ${hourAgo}
    ) fe on true`)
  const row = result.rows[0] as Row
  return {
    replayId: row.replay_id,
    settings: {
      closeAfterDays: asNumber(row.close_after_days),
      hourlyLimit: asNumber(row.hourly_limit),
      blocklist: row.blocklist,
    },
    article:
      row.article_id === null
        ? null
        : {
            id: row.article_id,
            path: urls.article({ slug: row.article_slug, section: { slug: row.desk_slug } }),
            commentsEnabled: row.comments_enabled,
            publishedAt: iso(row.published_at),
          },
    parent: row.parent_found
      ? { articleId: row.parent_article_id, parentId: row.parent_parent_id }
      : null,
    flood: {
      address: {
        latest: asDate(row.ip_latest),
        oldest: asDate(row.ip_oldest),
        count: row.ip_count,
      },
      email: {
        latest: asDate(row.email_latest),
        oldest: asDate(row.email_oldest),
        count: row.email_count,
      },
    },
    duplicate: row.duplicate,
  }
}

export interface NewComment {
  article: number
  parent: number | null
  authorName: string
  email: string
  body: string
  trust: 'verified' | 'unverified'
  heldReasons: string[]
  ipHash: string
  userAgent: string | null
  submissionKey: string
  challengeId: string | null
}

/** Which unique index a failed insert ran into, if that is why it failed. */
export function uniqueIndexHit(error: unknown): 'submissionKey' | 'challengeId' | null {
  for (let cause = error; cause && typeof cause === 'object';) {
    const { code, constraint } = cause as { code?: string; constraint?: string }
    if (code === '23505') {
      if (constraint === 'comments_submission_key_idx') return 'submissionKey'
      if (constraint === 'comments_challenge_id_idx') return 'challengeId'
      return null
    }
    cause = (cause as { cause?: unknown }).cause
  }
  return null
}

/**
 * Writes a reader's comment, pending, with its held reasons, in one
 * statement (atomic on its own). Timestamps are the server's clock, as
 * Payload's would be.
 */
export async function insertComment(
  db: CommentDb,
  comment: NewComment,
): Promise<{ id: number; createdAt: string }> {
  const now = new Date().toISOString()
  const reasons = `{${comment.heldReasons.map((reason) => `"${reason.replace(/["\\]/g, '\\$&')}"`).join(',')}}`
  const result = await db.execute(sql`
    with c as (
      insert into comments (body, status, article_id, parent_id, author_name, email, trust,
                            ip_hash, user_agent, submission_key, challenge_id,
                            updated_at, created_at)
      values (${comment.body}, 'pending', ${comment.article}, ${comment.parent},
              ${comment.authorName}, ${comment.email}, ${comment.trust}, ${comment.ipHash},
              ${comment.userAgent}, ${comment.submissionKey}, ${comment.challengeId}, ${now}, ${now})
      returning id, created_at
    ), held as (
      insert into comments_texts ("order", parent_id, path, text)
      select r.n, c.id, 'heldReasons', r.reason
        from c, unnest(${reasons}::text[]) with ordinality as r(reason, n)
    )
    select id, created_at from c`)
  const row = result.rows[0] as { id: number; created_at: Date | string }
  return { id: row.id, createdAt: new Date(row.created_at).toISOString() }
}
