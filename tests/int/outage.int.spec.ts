import net from 'node:net'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  databaseSeemsDown,
  isDatabaseUnreachable,
  noteDatabaseError,
  noteDatabaseReachable,
} from '@/lib/outage'
import { freePort } from '@/scripts/net'

/** What a promise rejected with (fails the test if it resolved). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

const databaseUrl = () => process.env.DATABASE_URL!
/** What a caller with a pg connection or pool of its own says about that connection's errors. */
const FROM_PG = { fromDatabase: true }

// Every error here is the real one, from node-postgres, pg-pool, drizzle or PostgreSQL itself.
describe('what counts as "the database is unreachable"', () => {
  let silent: net.Server
  let silentPort: number
  const sockets = new Set<net.Socket>()

  beforeAll(async () => {
    // Accepts connections and never says a word: a database host that hangs.
    silent = net.createServer((socket) => sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    silentPort = (silent.address() as net.AddressInfo).port
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => silent.close(() => resolve()))
  })

  it('a refused connection, on one address or on every address of a name', async () => {
    const port = await freePort()
    for (const host of ['127.0.0.1', 'localhost']) {
      const client = new pg.Client({ host, port, user: 'postgres' })
      const error = await failure(client.connect())
      expect(isDatabaseUnreachable(error, FROM_PG), `${host}: ${String(error)}`).toBe(true)
    }
  })

  it('a host that does not answer in time, connecting or waiting for a pooled connection', async () => {
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port: silentPort,
      user: 'postgres',
      connectionTimeoutMillis: 200,
      max: 1,
    })
    const [connecting, waiting] = await Promise.all([
      failure(pool.query('select 1')),
      failure(pool.query('select 1')),
    ])
    expect(isDatabaseUnreachable(connecting, FROM_PG), String(connecting)).toBe(true)
    expect(isDatabaseUnreachable(waiting, FROM_PG), String(waiting)).toBe(true)
    await pool.end()
  })

  it('a server that shuts a connection down (PostgreSQL 57P01), and the query after it', async () => {
    const victim = new pg.Client({ connectionString: databaseUrl() })
    await victim.connect()
    const errors: unknown[] = []
    const lost = new Promise<unknown>((resolve) =>
      victim.on('error', (error) => resolve(errors.push(error) && errors[0])),
    )
    const admin = new pg.Client({ connectionString: databaseUrl() })
    await admin.connect()
    await admin.query('select pg_terminate_backend($1)', [
      (victim as unknown as { processID: number }).processID,
    ])
    await admin.end()
    const terminated = await lost
    expect((terminated as { code?: string }).code).toBe('57P01')
    expect(isDatabaseUnreachable(terminated, FROM_PG)).toBe(true)
    const next = await failure(victim.query('select 1'))
    expect(isDatabaseUnreachable(next, FROM_PG), String(next)).toBe(true)
  })

  it('the same errors wrapped by drizzle, as Payload’s queries throw them', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: await freePort(), user: 'postgres' })
    const error = await failure(drizzle(pool).execute(sql`select 1`))
    expect(error).not.toHaveProperty('code')
    expect(isDatabaseUnreachable(error), String(error)).toBe(true)
    await pool.end()
  })

  it('not a query the database answered with an error: those are bugs or bad input', async () => {
    const client = new pg.Client({ connectionString: databaseUrl() })
    await client.connect()
    for (const query of ['select frm nowhere', 'select 1/0', "select 'x'::integer"]) {
      const error = await failure(client.query(query))
      expect(isDatabaseUnreachable(error), `${query}: ${String(error)}`).toBe(false)
    }
    await client.end()
    expect(isDatabaseUnreachable(new Error('Something went wrong'))).toBe(false)
    expect(isDatabaseUnreachable(undefined)).toBe(false)
  })

  it('not another service failing with the same socket errors: a failed fetch (a proxy purge) or Redis going away', async () => {
    noteDatabaseReachable()
    // Resets every connection at once, as a proxy that is restarting does.
    const resetting = net.createServer((socket) => socket.resetAndDestroy())
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve))
    const resetPort = (resetting.address() as net.AddressInfo).port
    const reset = await failure(fetch(`http://127.0.0.1:${resetPort}/`, { method: 'PURGE' }))
    expect((reset as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET')
    const refused = await failure(fetch(`http://127.0.0.1:${await freePort()}/`))
    const timedOut = await failure(
      new Promise((resolve, reject) => {
        // A socket that waits past its timeout, as a client with a connect timeout reports it.
        const socket = net.connect({ host: '127.0.0.1', port: silentPort }, () =>
          socket.setTimeout(50, () => {
            socket.destroy(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }))
          }),
        )
        socket.on('error', reject)
        socket.on('close', resolve)
      }),
    )
    const redisGone = await failure(
      new Promise((resolve, reject) =>
        net
          .connect({ host: '127.0.0.1', port: resetPort })
          .on('error', reject)
          .on('close', resolve),
      ),
    )
    for (const error of [reset, refused, timedOut, redisGone]) {
      expect(isDatabaseUnreachable(error), String(error)).toBe(false)
      expect(noteDatabaseError(error), String(error)).toBe(false)
    }
    expect(databaseSeemsDown()).toBe(false)
    // The same socket error inside a query's error is the database's.
    const pool = new pg.Pool({ host: '127.0.0.1', port: resetPort, user: 'postgres' })
    const query = await failure(drizzle(pool).execute(sql`select 1`))
    expect(isDatabaseUnreachable(query), String(query)).toBe(true)
    await pool.end()
    await new Promise<void>((resolve) => resetting.close(() => resolve()))
  })

  it('remembers the latest word: down after an unreachable error, up after a good answer', async () => {
    noteDatabaseReachable()
    expect(noteDatabaseError(new Error('select frm nowhere'))).toBe(false)
    expect(databaseSeemsDown()).toBe(false)
    const refused = await failure(
      new pg.Client({ host: '127.0.0.1', port: await freePort() }).connect(),
    )
    expect(noteDatabaseError(refused, FROM_PG)).toBe(true)
    expect(databaseSeemsDown()).toBe(true)
    expect(databaseSeemsDown(Date.now() + 61_000)).toBe(false)
    noteDatabaseReachable()
    expect(databaseSeemsDown()).toBe(false)
  })
})
