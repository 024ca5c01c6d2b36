import { createHash } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { database, type Executor, rowsOf } from '@/lib/database'

import { type ArticleData, type Base, canonical, UNMERGED_FIELDS } from './merge'

/** How long an open copy's base is kept; a copy older than this merges as if its base were unknown. */
const KEEP_DAYS = 2
/** At most this many snapshots an article: about four hours of two editors autosaving without pause. */
const KEEP_PER_ARTICLE = 5000

/** The fields that merge, in the canonical form they are compared in. */
export function mergeable(doc: Record<string, unknown>): ArticleData {
  const out: ArticleData = {}
  for (const [key, value] of Object.entries(doc)) {
    if (!UNMERGED_FIELDS.has(key)) out[key] = value
  }
  return canonical(out) as ArticleData
}

function hashOf(data: ArticleData): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url')
}

export interface Snapshot extends Base {
  id: number
  userId: number | null
  createdAt: Date
}

/**
 * The snapshot naming this stored article as a copy read it (no save of its
 * own). Identical content shares one snapshot, so reading costs one indexed
 * lookup once the article has been saved through the admin or the API.
 */
export async function snapshotOfRead(
  req: PayloadRequest,
  articleId: number,
  doc: Record<string, unknown>,
  { outsideTransaction = false } = {},
): Promise<number> {
  const returned = mergeable(doc)
  const hash = hashOf(returned)
  const db = outsideTransaction ? outside(req) : await database(req)
  const found = rowsOf<{ id: number }>(
    await db.execute(sql`
      SELECT id FROM edit_snapshots
      WHERE article_id = ${articleId} AND returned_hash = ${hash} AND NOT is_save
      ORDER BY id DESC LIMIT 1`),
  )
  if (found[0]) return found[0].id
  return insert(db, req, articleId, { sent: null, returned, hash, mergedIn: null, save: false })
}

function outside(req: PayloadRequest): Executor {
  return (req.payload.db as unknown as { drizzle: Executor }).drizzle
}

/** Records a save: what its copy sent, what it took from others, and the article as stored. */
export async function snapshotOfSave(
  req: PayloadRequest,
  articleId: number,
  { sent, mergedIn }: { sent: ArticleData | null; mergedIn: string[] | null },
  doc: Record<string, unknown>,
): Promise<number> {
  const returned = mergeable(doc)
  const id = await insert(await database(req), req, articleId, {
    sent,
    returned,
    hash: hashOf(returned),
    mergedIn,
    save: true,
  })
  await prune(req, articleId)
  return id
}

async function insert(
  db: Executor,
  req: PayloadRequest,
  articleId: number,
  row: {
    sent: ArticleData | null
    returned: ArticleData
    hash: string
    mergedIn: string[] | null
    save: boolean
  },
): Promise<number> {
  const userId = typeof req.user?.id === 'number' ? req.user.id : null
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value))
  const [inserted] = rowsOf<{ id: number }>(
    await db.execute(sql`
      INSERT INTO edit_snapshots (article_id, user_id, returned_hash, is_save, sent, returned, merged_in)
      VALUES (${articleId}, ${userId}, ${row.hash}, ${row.save}, ${json(row.sent)}::jsonb,
        ${JSON.stringify(row.returned)}::jsonb, ${json(row.mergedIn)}::jsonb)
      RETURNING id`),
  )
  return inserted!.id
}

async function prune(req: PayloadRequest, articleId: number): Promise<void> {
  const db = await database(req)
  await db.execute(sql`
    DELETE FROM edit_snapshots
    WHERE article_id = ${articleId}
      AND (created_at < now() - make_interval(days => ${KEEP_DAYS})
        OR id <= (SELECT id FROM edit_snapshots WHERE article_id = ${articleId}
                  ORDER BY id DESC OFFSET ${KEEP_PER_ARTICLE} LIMIT 1))`)
}

export async function loadSnapshot(
  req: PayloadRequest,
  articleId: number,
  id: number,
): Promise<Snapshot | null> {
  const db = await database(req)
  const [row] = rowsOf<{
    id: number
    user_id: number | null
    sent: ArticleData | null
    returned: ArticleData
    merged_in: string[] | null
    created_at: string
  }>(
    await db.execute(sql`
      SELECT id, user_id, sent, returned, merged_in, created_at FROM edit_snapshots
      WHERE id = ${id} AND article_id = ${articleId}`),
  )
  if (!row) return null
  return {
    id: row.id,
    userId: row.user_id,
    sent: row.sent,
    returned: row.returned,
    mergedIn: row.merged_in ?? [],
    createdAt: new Date(row.created_at),
  }
}

/**
 * Who stored `value` as `key` (a section's row id, or a field) since
 * snapshot `after`: the first save whose result holds it. For a conflict's
 * message ("changed by Maya Okafor at 14:02").
 */
export async function whoChanged(
  req: PayloadRequest,
  articleId: number,
  after: number,
  kind: 'section' | 'field',
  key: string,
  value: unknown,
): Promise<{ name: string | null; at: Date } | null> {
  const db = await database(req)
  const picked =
    kind === 'section'
      ? sql`jsonb_path_query_first(s.returned, '$.body[*] ? (@.id == $id)', jsonb_build_object('id', ${key}::text))`
      : sql`s.returned -> ${key}::text`
  const rows = rowsOf<{ value: unknown; name: string | null; created_at: string }>(
    await db.execute(sql`
      SELECT ${picked} AS value, u.name, s.created_at
      FROM edit_snapshots s LEFT JOIN users u ON u.id = s.user_id
      WHERE s.article_id = ${articleId} AND s.id > ${after} AND s.is_save
      ORDER BY s.id ASC LIMIT 1000`),
  )
  const wanted = JSON.stringify(canonical(value))
  const match = rows.find((row) => JSON.stringify(canonical(row.value)) === wanted)
  return match ? { name: match.name, at: new Date(match.created_at) } : null
}
