import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lockNumber, withLocks } from '@/comments/locks'
import { isDatabaseUnreachable } from '@/lib/outage'

import { eventually } from '../../support/appProcess'
import { testPayload } from '../../support/payload'

/*
 * The submission's locks are PostgreSQL advisory locks taken with BEGIN in one
 * round trip (src/comments/locks.ts). Another connection stands in for another
 * app process: it must see them held, and wait for them, exactly as a second
 * process would (tests/int/severalProcesses.int.spec.ts posts through two).
 */

let payload: Payload
let other: pg.Client
beforeAll(async () => {
  payload = await testPayload()
  other = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await other.connect()
})
afterAll(async () => {
  await other?.end()
})

const tryLock = async (key: string): Promise<boolean> => {
  const { rows } = await other.query<{ locked: boolean }>(
    'select pg_try_advisory_lock($1::bigint) as locked',
    [String(lockNumber(key))],
  )
  if (rows[0]!.locked)
    await other.query('select pg_advisory_unlock($1::bigint)', [String(lockNumber(key))])
  return rows[0]!.locked
}

describe("a submission's locks", () => {
  it('are held in the database for the whole submission, and freed when it commits', async () => {
    const key = `ip:locks-test-${Date.now()}`
    const seenInside = await withLocks(payload, [key, `email:${key}`], async (db) => {
      await db.execute(sql`select 1`)
      return tryLock(key)
    })
    expect(seenInside).toBe(false)
    expect(await tryLock(key)).toBe(true)
  })

  it('wait for another process holding one of them, then run', async () => {
    const key = `email:locks-wait-${Date.now()}`
    await other.query('select pg_advisory_lock($1::bigint)', [String(lockNumber(key))])
    let ran = false
    const submission = withLocks(payload, [key], async () => {
      ran = true
      return 'stored'
    })
    await eventually(
      async () => {
        // A bigint advisory key shows as its high and low 32 bits.
        const n = lockNumber(key)
        const { rows } = await other.query<{ waiting: number }>(
          `select count(*)::int as waiting from pg_locks
            where locktype = 'advisory' and not granted and classid = $1 and objid = $2`,
          [String(n >> 32n), String(n & 0xffffffffn)],
        )
        return rows[0]!.waiting > 0 ? true : undefined
      },
      10_000,
      'the submission waits for the lock the other connection holds',
    )
    expect(ran).toBe(false)
    await other.query('select pg_advisory_unlock($1::bigint)', [String(lockNumber(key))])
    expect(await submission).toBe('stored')
    expect(ran).toBe(true)
  })

  it('turn a lock held past the wait bound into a 429 with a sentence, and roll back', async () => {
    const key = `key:locks-timeout-${Date.now()}`
    await other.query('select pg_advisory_lock($1::bigint)', [String(lockNumber(key))])
    try {
      await expect(withLocks(payload, [key], async () => 'stored')).rejects.toMatchObject({
        status: 429,
        message: expect.stringMatching(/still being saved/),
      })
    } finally {
      await other.query('select pg_advisory_unlock($1::bigint)', [String(lockNumber(key))])
    }
    // The connection went back to the pool clean: the next submission runs.
    expect(await withLocks(payload, [key], async () => 'stored')).toBe('stored')
  }, 20_000)
})

describe('a database that cannot be reached', () => {
  it('is the outage the comment route answers with its 503, not an error of its own', async () => {
    // A real pool pointed at a port nothing listens on: the connection is refused, as when
    // the primary is down while the article was still read from a replica or a cache.
    const refused = new pg.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:9/broadsheet',
      connectionTimeoutMillis: 2_000,
    })
    try {
      const error = await withLocks(
        { db: { pool: refused } } as unknown as Payload,
        [`refused-${Date.now()}`],
        async () => 'stored',
      ).catch((caught: unknown) => caught)
      expect(isDatabaseUnreachable(error)).toBe(true)
    } finally {
      await refused.end()
    }
  })
})
