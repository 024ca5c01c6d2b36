import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

/*
 * Who has an article open in the editor, kept in PostgreSQL (table `article_presence`, see its
 * migration) so every app replica answers alike. Each editor tab sends a heartbeat every few
 * seconds; a tab not heard from for EXPIRY_SECONDS is gone. "Take over" marks the other people's
 * tabs on the article: their next heartbeat is told who took over, and a save that carries such a
 * tab's session is refused (`refuseTakenOverSave`). Those marks are kept for a day (longer than a
 * login lasts), so a tab that wakes up from sleep is refused too.
 */
export const EXPIRY_SECONDS = 15

export interface PresenceSection {
  id: string
  heading: string
}

export interface OtherEditor {
  userId: number
  name: string
  section: PresenceSection | null
  seenAt: string
}

export interface TakeOver {
  name: string
  at: string
}

type Db = Pick<Payload, 'db'> | PayloadRequest['payload']

function execute(payload: Db, query: ReturnType<typeof sql>) {
  return payload.db.drizzle.execute(query)
}

function takeOverOf(row: {
  taken_over_by_name: string | null
  taken_over_at: Date | string | null
}) {
  if (!row.taken_over_at) return null
  return {
    name: row.taken_over_by_name ?? 'Another editor',
    at: new Date(row.taken_over_at).toISOString(),
  }
}

/**
 * Records that `session` (a tab of `userId`) has the article open, in `section`. Returns the take
 * over when the session was taken over: it is then not shown to others any more.
 */
export async function beat(
  payload: Db,
  {
    articleId,
    userId,
    session,
    section,
  }: {
    articleId: number
    userId: number
    session: string
    section: PresenceSection | null
  },
): Promise<TakeOver | null> {
  await prune(payload)
  const result = await execute(
    payload,
    sql`
    INSERT INTO article_presence AS p (session_id, article_id, user_id, section_id, section_heading, seen_at)
    VALUES (${session}, ${articleId}, ${userId}, ${section?.id ?? null}, ${section?.heading ?? null}, now())
    ON CONFLICT (session_id) DO UPDATE SET
      section_id = excluded.section_id,
      section_heading = excluded.section_heading,
      seen_at = CASE WHEN p.taken_over_at IS NULL THEN now() ELSE p.seen_at END
    -- A session id is the tab's own: one sent for another article or by another person changes nothing.
    WHERE p.article_id = excluded.article_id AND p.user_id = excluded.user_id
    RETURNING taken_over_by_name, taken_over_at`,
  )
  const row = result.rows[0] as Parameters<typeof takeOverOf>[0] | undefined
  if (row) return takeOverOf(row)
  // The id belongs to another article or person: answer as for a session taken over by nobody.
  return null
}

/** The tab closed: it is forgotten at once (a taken-over tab stays marked). */
export async function leave(
  payload: Db,
  { articleId, userId, session }: { articleId: number; userId: number; session: string },
) {
  await execute(
    payload,
    sql`DELETE FROM article_presence
        WHERE session_id = ${session} AND article_id = ${articleId} AND user_id = ${userId}
          AND taken_over_at IS NULL`,
  )
}

/** The other people with the article open now, one entry a person (their latest tab). */
export async function othersOn(
  payload: Db,
  articleId: number,
  userId: number,
): Promise<OtherEditor[]> {
  const result = await execute(
    payload,
    sql`
    SELECT DISTINCT ON (p.user_id) p.user_id, u.name, p.section_id, p.section_heading, p.seen_at
    FROM article_presence p JOIN users u ON u.id = p.user_id
    WHERE p.article_id = ${articleId} AND p.user_id <> ${userId} AND p.taken_over_at IS NULL
      AND p.seen_at > now() - make_interval(secs => ${EXPIRY_SECONDS}::int)
    ORDER BY p.user_id, p.seen_at DESC`,
  )
  return (
    result.rows as {
      user_id: number
      name: string
      section_id: string | null
      section_heading: string | null
      seen_at: Date | string
    }[]
  )
    .map((row) => ({
      userId: row.user_id,
      name: row.name,
      section: row.section_id ? { id: row.section_id, heading: row.section_heading ?? '' } : null,
      seenAt: new Date(row.seen_at).toISOString(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * `userId` (named `name`) takes the article over: every other person's tab on it is marked, live
 * or not yet forgotten (a laptop asleep with the story open wakes up refused). Returns the names
 * of the people taken over.
 */
export async function takeOver(
  payload: Db,
  { articleId, userId, name }: { articleId: number; userId: number; name: string },
): Promise<string[]> {
  const result = await execute(
    payload,
    sql`
    WITH marked AS (
      UPDATE article_presence SET taken_over_by = ${userId}, taken_over_by_name = ${name}, taken_over_at = now()
      WHERE article_id = ${articleId} AND user_id <> ${userId} AND taken_over_at IS NULL
      RETURNING user_id
    )
    SELECT DISTINCT u.name FROM marked JOIN users u ON u.id = marked.user_id ORDER BY u.name`,
  )
  return (result.rows as { name: string }[]).map((row) => row.name)
}

/** Who took over the tab `session` on the article, if anyone did. */
export async function takenOver(
  payload: Db,
  articleId: number,
  session: string,
): Promise<TakeOver | null> {
  const result = await execute(
    payload,
    sql`SELECT taken_over_by_name, taken_over_at FROM article_presence
        WHERE session_id = ${session} AND article_id = ${articleId} AND taken_over_at IS NOT NULL`,
  )
  const row = result.rows[0] as Parameters<typeof takeOverOf>[0] | undefined
  return row ? takeOverOf(row) : null
}

/** Tabs quiet for a day, and take-overs a day old, say nothing any more. */
async function prune(payload: Db) {
  await execute(
    payload,
    sql`DELETE FROM article_presence
        WHERE greatest(seen_at, coalesce(taken_over_at, seen_at)) < now() - interval '1 day'`,
  )
}
