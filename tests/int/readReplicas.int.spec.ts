import { rmSync } from 'node:fs'
import path from 'node:path'

import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isDatabaseUnreachable } from '@/lib/outage'
import { replicasCaughtUp, type ReplicaStatus } from '@/lib/readReplicas'

import { startReplicaCluster, type ReplicaCluster } from '../support/replicaCluster'
import { publishedArticle, unique } from '../support/factories'
import { migrateAndSeed } from '../support/run'

/**
 * DATABASE_READ_URLS against a real streaming standby: a throwaway primary and
 * replica of this file's own (tests/support/replicaCluster.ts). Which server
 * answered is read from each server's pg_stat_statements, not inferred.
 */

const MAX_LAG_SECONDS = 2

let cluster: ReplicaCluster
let payload: Payload
let editor: TypedUser
let searchArticles: typeof import('@/queries/search').searchArticles
let status: () => ReplicaStatus[]
const mediaDir = path.join('.data', `test-media-replica-${Date.now().toString(36)}`)

/** Polls `check` until it returns a value other than undefined/false, or fails at the deadline. */
async function eventually<T>(what: string, check: () => Promise<T> | T, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined && value !== false) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`, { cause: last })
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Statements run on `server` since the last reset, matching `pattern` (ILIKE), not ours. */
async function calls(server: 'primary' | 'replica', pattern: string): Promise<number> {
  const [row] = await cluster.query<{ calls: number }>(
    server,
    `SELECT coalesce(sum(s.calls), 0)::int AS calls
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = 'broadsheet' AND s.query ILIKE '${pattern}'
       AND s.query NOT ILIKE '%pg_stat_statements%'`,
  )
  return row?.calls ?? 0
}

async function resetCounts(
  servers: ('primary' | 'replica')[] = ['primary', 'replica'],
): Promise<void> {
  for (const server of servers) await cluster.query(server, 'SELECT pg_stat_statements_reset()')
}

/**
 * Payload reads the primary for a while after this process writes (its read-after-write window):
 * wait until that has passed, so the next reads are routed as any other process would route them.
 */
async function outsideWriteWindow(): Promise<void> {
  const adapter = payload.db as unknown as {
    lastWriteTimestamp?: number
    readReplicasAfterWriteInterval: number
  }
  await eventually(
    "the end of Payload's read-after-write window",
    () => Date.now() - (adapter.lastWriteTimestamp ?? 0) > adapter.readReplicasAfterWriteInterval,
  )
}

/** What a reader's page asks: published articles, no login, access rules applied. */
async function readerHeadlines(): Promise<string[]> {
  const result = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    overrideAccess: false,
    limit: 50,
    depth: 0,
  })
  return result.docs.map((doc) => doc.headline)
}

let articleId: number
let headline: string

/** The editor saves the test article under a new headline (on the Local API, as in the admin). */
function editorRenames(changed: string) {
  return payload.update({
    collection: 'articles',
    id: articleId,
    data: { headline: changed },
    overrideAccess: false,
    user: editor,
  })
}

beforeAll(async () => {
  cluster = await startReplicaCluster()
  try {
    await migrateAndSeed({
      ...process.env,
      DATABASE_URL: cluster.primaryUrl,
      MEDIA_DIR: mediaDir,
      PAYLOAD_SECRET: 'integration-test-secret-0123456789',
      SEED_ADMIN_EMAIL: 'admin@broadsheet.test',
      SEED_ADMIN_PASSWORD: 'integration-admin-password',
    })
    await cluster.caughtUp()
    // This file's Payload: the primary and its standby instead of the run's database.
    process.env.DATABASE_URL = cluster.primaryUrl
    process.env.DATABASE_READ_URLS = cluster.replicaUrl
    process.env.DATABASE_READ_MAX_LAG_SECONDS = String(MAX_LAG_SECONDS)
    process.env.MEDIA_DIR = mediaDir
    const { testPayload } = await import('../support/payload')
    payload = await testPayload()
    ;({ searchArticles } = await import('@/queries/search'))
    const { replicaRouting } = await import('@/lib/readReplicas')
    status = () => replicaRouting(payload)!.status()
    const users = await payload.find({
      collection: 'users',
      where: { email: { equals: 'admin@broadsheet.test' } },
    })
    editor = { ...users.docs[0]!, collection: 'users' } as TypedUser
    const article = await publishedArticle(payload, {
      headline: `Lighthouse keepers ${unique('r')}`,
    })
    articleId = article.id
    headline = article.headline
  } catch (error) {
    cluster.stop()
    rmSync(mediaDir, { recursive: true, force: true })
    throw error
  }
}, 300_000)

afterAll(async () => {
  await payload?.destroy().catch(() => {})
  cluster?.stop()
  rmSync(mediaDir, { recursive: true, force: true })
})

describe('read replicas (DATABASE_READ_URLS)', () => {
  it('sends readers’ reads to the replica, and writes and editors’ reads to the primary', async () => {
    await eventually('the replica to be usable', () => status()[0]?.usable)
    await outsideWriteWindow()
    await resetCounts()

    const headlines = await readerHeadlines()
    expect(headlines).toContain(headline)
    const found = await searchArticles('lighthouse', 1)
    expect(found.hits.map((hit) => hit.id)).toContain(articleId)

    // Both reads ran on the replica, neither on the primary.
    expect(await calls('replica', '%from "articles"%')).toBeGreaterThan(0)
    expect(await calls('replica', '%websearch_to_tsquery%')).toBeGreaterThan(0)
    expect(await calls('primary', '%from "articles"%')).toBe(0)
    expect(await calls('primary', '%websearch_to_tsquery%')).toBe(0)

    // An editor's read (a login on the request) goes to the primary, never the replica.
    await resetCounts()
    const asEditor = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      user: editor,
      limit: 5,
      depth: 0,
    })
    expect(asEditor.docs.length).toBeGreaterThan(0)
    expect(await calls('primary', '%from "articles"%')).toBeGreaterThan(0)
    expect(await calls('replica', '%from "articles"%')).toBe(0)

    // A write goes to the primary; the published change reaches the replica, then readers.
    await resetCounts()
    const changed = `${headline} (updated)`
    await editorRenames(changed)
    // Payload saves a document as an upsert: insert … on conflict do update.
    expect(await calls('primary', 'insert into "articles"%')).toBeGreaterThan(0)
    await cluster.caughtUp()
    const [onReplica] = await cluster.query<{ headline: string }>(
      'replica',
      `SELECT headline FROM articles WHERE id = ${articleId}`,
    )
    expect(onReplica?.headline).toBe(changed)
    await outsideWriteWindow()
    await resetCounts()
    expect(await readerHeadlines()).toContain(changed)
    expect(await calls('replica', '%from "articles"%')).toBeGreaterThan(0)
    expect(await calls('primary', '%from "articles"%')).toBe(0)
    headline = changed
  })

  it('reads logins and the jobs queue on the primary, with no user on the request', async () => {
    await eventually('the replica to be usable', () => status()[0]?.usable)
    await outsideWriteWindow()
    await resetCounts()
    // What the login check does before req.user exists: look the user (and sessions) up.
    const user = await payload.findByID({ collection: 'users', id: editor.id, depth: 0 })
    expect(user.email).toBe(editor.email)
    // A jobs runner claiming due jobs (a read, then a mark), and a look at the queue.
    await payload.jobs.run({ queue: 'default', limit: 1 })
    await payload.find({ collection: 'payload-jobs', limit: 1, depth: 0 })
    expect(await calls('primary', '%from "users"%')).toBeGreaterThan(0)
    expect(await calls('replica', '%from "users"%')).toBe(0)
    expect(await calls('primary', '%from "payload_jobs"%')).toBeGreaterThan(0)
    expect(await calls('replica', '%from "payload_jobs"%')).toBe(0)
  })

  it('reads the primary while the replica lags, and the replica again once it catches up', async () => {
    await eventually('the replica to be usable', () => status()[0]?.usable)
    await cluster.pauseReplay()
    try {
      const changed = `${headline} (while lagging)`
      await editorRenames(changed)
      // The editor sees the save at once, whatever the replica has replayed.
      const mine = await payload.findByID({
        collection: 'articles',
        id: articleId,
        overrideAccess: false,
        user: editor,
        depth: 0,
      })
      expect(mine.headline).toBe(changed)
      const [stale] = await cluster.query<{ headline: string }>(
        'replica',
        `SELECT headline FROM articles WHERE id = ${articleId}`,
      )
      expect(stale?.headline).toBe(headline)

      // Past DATABASE_READ_MAX_LAG_SECONDS the replica is skipped: readers read the primary.
      const lagging = await eventually(
        'the replica to be found lagging',
        () => status().find((replica) => replica.up && !replica.usable),
        MAX_LAG_SECONDS * 1000 + 10_000,
      )
      expect(lagging.lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS)
      await outsideWriteWindow()
      await resetCounts()
      expect(await readerHeadlines()).toContain(changed)
      expect(await calls('primary', '%from "articles"%')).toBeGreaterThan(0)
      expect(await calls('replica', '%from "articles"%')).toBe(0)
      headline = changed
    } finally {
      await cluster.resumeReplay()
    }
    await cluster.caughtUp()
    await eventually('the replica to be usable again', () => status()[0]?.usable)
    await resetCounts()
    expect(await readerHeadlines()).toContain(headline)
    expect(await calls('replica', '%from "articles"%')).toBeGreaterThan(0)
  })

  it('holds a publish’s purge until the replica has replayed it, so no page is rebuilt from before it', async () => {
    await eventually('the replica to be usable', () => status()[0]?.usable)
    await cluster.pauseReplay()
    let caught: Promise<boolean> | undefined
    try {
      const changed = `${headline} (purged after replay)`
      await editorRenames(changed)
      // Not replayed yet: a bounded wait says so (well inside the lag limit, the replica is usable).
      expect(await replicasCaughtUp(300)).toBe(false)
      caught = replicasCaughtUp(30_000)
      headline = changed
    } finally {
      await cluster.resumeReplay()
    }
    expect(await caught).toBe(true)
    // When the wait ends, the replica has the change: pages rebuilt from it show the new headline.
    const [replayed] = await cluster.query<{ headline: string }>(
      'replica',
      `SELECT headline FROM articles WHERE id = ${articleId}`,
    )
    expect(replayed?.headline).toBe(headline)
    await eventually('the replica to be usable again', () => status()[0]?.usable)
  })

  it('answers readers from the primary while the replica is down; writes go on; then uses it again', async () => {
    await eventually('the replica to be usable', () => status()[0]?.usable)
    await outsideWriteWindow()
    cluster.stopReplica()
    try {
      // The very first read after the stop is routed to the (dead) replica: it is retried on the
      // primary, so the reader gets the answer, not an error.
      await resetCounts(['primary'])
      expect(await readerHeadlines()).toContain(headline)
      expect((await searchArticles('lighthouse', 1)).hits.map((hit) => hit.id)).toContain(articleId)
      expect(await calls('primary', '%from "articles"%')).toBeGreaterThan(0)
      expect(await calls('primary', '%websearch_to_tsquery%')).toBeGreaterThan(0)
      expect(status()[0]).toMatchObject({ up: false, usable: false })

      const changed = `${headline} (replica down)`
      const saved = await editorRenames(changed)
      expect(saved.headline).toBe(changed)
      await outsideWriteWindow()
      expect(await readerHeadlines()).toContain(changed)
      headline = changed
    } finally {
      cluster.startReplica()
    }
    await eventually('the replica to be usable again', () => status()[0]?.usable)
    await cluster.caughtUp()
    await resetCounts()
    expect(await readerHeadlines()).toContain(headline)
    expect(await calls('replica', '%from "articles"%')).toBeGreaterThan(0)
  })

  it('says "unreachable" (a 503, never a 500) when the primary is down too', async () => {
    cluster.stopReplica()
    cluster.stop()
    const error = await readerHeadlines().then(
      () => null,
      (failure: unknown) => failure,
    )
    expect(error).not.toBeNull()
    expect(isDatabaseUnreachable(error)).toBe(true)
  })
})
