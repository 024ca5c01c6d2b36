import { createHash } from 'node:crypto'

import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { isDatabaseUnreachable } from '@/lib/outage'

import { SubmissionError } from './errors'

/** What the submission's statements run on: the transaction that holds its locks. */
export type CommentDb = Pick<Payload['db']['drizzle'], 'execute'>

/** How long a submission waits for another one holding the same address, email or key. */
const LOCK_WAIT_MS = 5000

const queues = new Map<string, Promise<void>>()

async function withProcessLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  let release!: () => void
  const current = new Promise<void>((resolve) => (release = resolve))
  const tail = previous.then(() => current)
  queues.set(key, tail)
  await previous
  try {
    return await task()
  } finally {
    release()
    if (queues.get(key) === tail) queues.delete(key)
  }
}

function lockTimedOut(error: unknown): boolean {
  for (let cause = error; cause && typeof cause === 'object';) {
    if ((cause as { code?: string }).code === '55P03') return true
    cause = (cause as { cause?: unknown }).cause
  }
  return false
}

/**
 * A key's advisory lock number: the first 63 bits of the SHA-256 of
 * `comment:<key>`, so it is always a positive bigint literal. Every process
 * computes the same number for the same key.
 */
export function lockNumber(key: string): bigint {
  return createHash('sha256').update(`comment:${key}`).digest().readBigUInt64BE(0) >> 1n
}

/**
 * BEGIN, the lock wait bound and every lock, as one simple-query message: one
 * round trip instead of two. The lock numbers are computed integers
 * (lockNumber), never text from the request, so nothing here is quoted.
 */
export function lockingStatement(sorted: string[]): string {
  const locks = sorted.map((key) => `pg_advisory_xact_lock(${lockNumber(key)})`)
  return `begin; select set_config('lock_timeout', '${LOCK_WAIT_MS}ms', true), ${locks.join(', ')}`
}

/** The primary's pool: the submission writes, so it never runs on a replica. */
function primaryPool(payload: Payload): Pool {
  return (payload.db as unknown as { pool: Pool }).pool
}

/**
 * One transaction holding a PostgreSQL advisory lock per key, taken left to
 * right in sorted order in one statement, so two submissions never wait on
 * each other in a cycle, and freed by the commit. Every app process on the
 * database sees the same locks.
 */
async function withDatabaseLocks<T>(
  payload: Payload,
  sorted: string[],
  task: (db: CommentDb) => Promise<T>,
): Promise<T> {
  try {
    const client = await primaryPool(payload).connect()
    let broken: Error | undefined
    try {
      await client.query(lockingStatement(sorted))
      const result = await task(drizzle({ client }))
      await client.query('commit')
      return result
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError))
      throw error
    } finally {
      client.release(broken)
    }
  } catch (error) {
    // The pool and this connection are the database's own: a refused, reset or timed-out one is
    // the outage the route answers with its 503 (src/lib/outage.ts counts socket errors only so).
    if (isDatabaseUnreachable(error, { fromDatabase: true }) && !isDatabaseUnreachable(error)) {
      throw new Error('Failed query: comment locks', { cause: error })
    }
    if (!lockTimedOut(error)) throw error
    throw new SubmissionError(
      'Another comment from you is still being saved. Please wait a few seconds and send again.',
      { status: 429, retryAfter: 5, notice: 'wait' },
    )
  }
}

/**
 * Runs `task` while holding every key: submissions from one address, one
 * email or with one submission key go one at a time, in this process and
 * across every process on the database, so the flood, duplicate and
 * idempotency checks see each other's rows. The in-process queue in front
 * keeps a burst from one reader to one waiting connection per process, so it
 * cannot take the whole pool; the database locks hold across processes.
 */
export function withLocks<T>(
  payload: Payload,
  keys: string[],
  task: (db: CommentDb) => Promise<T>,
): Promise<T> {
  const sorted = [...new Set(keys)].sort()
  const run = (index: number): Promise<T> =>
    index === sorted.length
      ? withDatabaseLocks(payload, sorted, task)
      : withProcessLock(sorted[index]!, () => run(index + 1))
  return run(0)
}
