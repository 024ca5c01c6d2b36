import pg from 'pg'

import { lifecycle, sharedCacheStatus } from './processState'
import { schemaStatus } from './schemaStatus'

/**
 * /api/ready: may this process take traffic? Ready when it is not shutting down, the database
 * answers and holds every migration the code ships. Redis being down does not make it unready
 * (each replica then serves from its own cache); the answer says so.
 */
export interface Readiness {
  ready: boolean
  /** Why not, for a person reading a probe's log. */
  reason?: string
  database: { reachable: boolean; migrationsApplied?: number; pendingMigrations?: string[] }
  sharedCache: { configured: boolean; connected?: boolean; error?: string; note?: string }
  shuttingDown: boolean
}

const POOL = Symbol.for('broadsheet.readinessPool')

/** One small pool for the probes, apart from Payload's, so a probe never waits behind pages. */
function probePool(): pg.Pool {
  const store = globalThis as typeof globalThis & { [POOL]?: pg.Pool }
  if (!store[POOL]) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 1,
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    })
    pool.on('error', () => {})
    store[POOL] = pool
  }
  return store[POOL]
}

function sharedCache(): Readiness['sharedCache'] {
  const status = sharedCacheStatus()
  if (!status?.configured) return { configured: false }
  if (status.connected) return { configured: true, connected: true }
  return {
    configured: true,
    connected: false,
    ...(status.error ? { error: status.error } : {}),
    note: 'The shared cache (Redis) is down: this process serves from its own cache until it is back.',
  }
}

export async function readiness(): Promise<Readiness> {
  const shuttingDown = lifecycle().shuttingDown
  const cache = sharedCache()
  if (shuttingDown) {
    return {
      ready: false,
      reason: 'This process is shutting down; send requests to another one.',
      database: { reachable: false },
      sharedCache: cache,
      shuttingDown,
    }
  }
  const schema = await schemaStatus(probePool())
  if (schema.state === 'unreachable') {
    return {
      ready: false,
      reason: `The database is not answering: ${schema.error}`,
      database: { reachable: false },
      sharedCache: cache,
      shuttingDown,
    }
  }
  if (schema.state === 'behind') {
    return {
      ready: false,
      reason: `The database lacks ${schema.pending.length} migration(s) this code needs; run \`npm run migrate\`.`,
      database: {
        reachable: true,
        migrationsApplied: schema.applied,
        pendingMigrations: schema.pending,
      },
      sharedCache: cache,
      shuttingDown,
    }
  }
  return {
    ready: true,
    database: { reachable: true, migrationsApplied: schema.applied, pendingMigrations: [] },
    sharedCache: cache,
    shuttingDown,
  }
}
