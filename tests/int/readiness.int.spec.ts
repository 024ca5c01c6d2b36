import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'

import { lifecycle } from '@/operations/processState'
import { codeMigrations } from '@/operations/schemaStatus'

import { GET } from '../../app/(payload)/api/ready/route'

/**
 * /api/ready on the run's real database. The shared-cache status is what the Redis cache
 * handler publishes at globalThis[Symbol.for('broadsheet.sharedCache')]; here it is set the
 * way that handler sets it when Redis answers, and when it does not.
 */
const SHARED_CACHE = Symbol.for('broadsheet.sharedCache')
const store = globalThis as Record<symbol, unknown>

afterEach(() => {
  delete store[SHARED_CACHE]
  lifecycle().shuttingDown = false
})

async function ask() {
  const response = await GET()
  return {
    status: response.status,
    cache: response.headers.get('cache-control'),
    body: await response.json(),
  }
}

describe('/api/ready', () => {
  it('is ready on a migrated database, without a shared cache configured', async () => {
    const { status, cache, body } = await ask()
    expect(status).toBe(200)
    expect(cache).toBe('no-store')
    expect(body).toMatchObject({ ready: true, sharedCache: { configured: false } })
    expect(body.database).toMatchObject({ reachable: true, pendingMigrations: [] })
    expect(body.database.migrationsApplied).toBeGreaterThanOrEqual(codeMigrations().length)
  })

  it('stays ready while Redis is down, and says the app serves from its own cache', async () => {
    store[SHARED_CACHE] = {
      configured: true,
      connected: false,
      error: 'connect ECONNREFUSED 127.0.0.1:6399',
    }
    const { status, body } = await ask()
    expect(status).toBe(200)
    expect(body.ready).toBe(true)
    expect(body.sharedCache).toMatchObject({
      configured: true,
      connected: false,
      error: 'connect ECONNREFUSED 127.0.0.1:6399',
    })
    expect(body.sharedCache.note).toMatch(/serves from its own cache/)
  })

  it('reports a connected shared cache', async () => {
    store[SHARED_CACHE] = { configured: true, connected: true }
    const { body } = await ask()
    expect(body.sharedCache).toEqual({ configured: true, connected: true })
  })

  it('answers 503 naming the migrations a database lacks, so an orchestrator holds traffic back', async () => {
    // A database of its own whose payload_migrations lacks the code's newest migration.
    const server = new URL(process.env.DATABASE_URL!)
    const name = `broadsheet_ready_behind_${process.pid}`
    const admin = new pg.Client({ connectionString: server.toString() })
    await admin.connect()
    await admin.query(`drop database if exists ${name}`)
    await admin.query(`create database ${name}`)
    const target = new URL(server)
    target.pathname = `/${name}`
    const behind = new pg.Pool({ connectionString: target.toString(), max: 1 })
    const code = codeMigrations()
    await behind.query('create table payload_migrations (name varchar)')
    for (const migration of code.slice(0, -1)) {
      await behind.query('insert into payload_migrations (name) values ($1)', [migration])
    }
    const POOL = Symbol.for('broadsheet.readinessPool')
    const probe = store[POOL]
    store[POOL] = behind
    try {
      const { status, body } = await ask()
      expect(status).toBe(503)
      expect(body).toMatchObject({
        ready: false,
        database: { reachable: true, pendingMigrations: [code.at(-1)] },
      })
      expect(body.reason).toMatch(/lacks 1 migration\(s\) this code needs; run `npm run migrate`/)
    } finally {
      store[POOL] = probe
      await behind.end()
      await admin.query(`drop database ${name}`)
      await admin.end()
    }
  })

  it('answers 503 with the reason once shutdown has begun', async () => {
    lifecycle().shuttingDown = true
    const { status, body } = await ask()
    expect(status).toBe(503)
    expect(body).toMatchObject({ ready: false, shuttingDown: true })
    expect(body.reason).toMatch(/shutting down/)
  })
})
