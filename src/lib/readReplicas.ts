import { AsyncLocalStorage } from 'node:async_hooks'

import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { withReplicas } from 'drizzle-orm/pg-core'
import pg from 'pg'
import type { Payload } from 'payload'

import { isDatabaseUnreachable } from '@/lib/outage'

/**
 * Read replicas (DATABASE_READ_URLS): readers' reads go to a replica that is
 * answering and caught up, everything else to the primary.
 *
 * - Payload's adapter (`readReplicas`) sends reads made through drizzle's
 *   query builder to a replica, and writes, transactions and raw `execute`
 *   to the primary. It also reads the primary for a while after this process
 *   wrote (`readReplicasAfterWriteInterval`).
 * - Here: the replica is picked among those the monitor below finds up and
 *   at most DATABASE_READ_MAX_LAG_SECONDS behind, else the primary; a read
 *   the replica fails to answer (down, restarting, refused) is asked again of
 *   the primary, so a dying replica costs readers a retry, never an error.
 * - A read made for a logged-in user (the admin, the REST API with a login,
 *   previews) goes to the primary: an editor never sees a save vanish because
 *   a replica has not replayed it yet, whichever app process answers.
 */

/** What readers' raw SQL and the pools share: a drizzle database's `execute`. */
interface Drizzle {
  execute: (query: never) => Promise<unknown>
  $client?: unknown
}

const primaryReads = new AsyncLocalStorage<true>()

/** Runs `work` with every read it makes going to the primary. */
export function readingPrimary<T>(work: () => T): T {
  return primaryReads.run(true, work)
}

/** How often each process asks the primary and every replica where they are. */
export const REPLICA_CHECK_MS = 1000

interface ReplicaState {
  url: string
  /** The last probe answered (and no read has failed since). */
  up: boolean
  /** Seconds behind the primary at the last probe. */
  lagSeconds: number
  /** What the logs last said about it, so each change is said once. */
  said: 'usable' | 'down' | 'lagging' | null
}

const STATES = new WeakMap<object, ReplicaState>()

/**
 * A standby cancels a read that holds back the WAL it must replay ("canceling statement due to
 * conflict with recovery": 40001, or 40P01 for a buffer-pin deadlock); the primary has no such
 * conflict, so the read is asked there. The replica itself is fine.
 */
function isRecoveryConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40001' || code === '40P01'
}

/** A replica's pool: a read it cannot answer is asked of the primary's pool instead. */
class ReplicaPool extends pg.Pool {
  fallback: pg.Pool | null = null

  // pg's overloads are many; drizzle calls `query(config, values)` and awaits it.
  query(...args: unknown[]): never {
    const own = (pg.Pool.prototype.query as (...a: unknown[]) => unknown).apply(this, args)
    if (typeof args[args.length - 1] === 'function' || !(own instanceof Promise))
      return own as never
    return own.catch((error: unknown) => {
      const fallback = this.fallback
      const unreachable = isDatabaseUnreachable(error, { fromDatabase: true })
      if (!fallback || !(unreachable || isRecoveryConflict(error))) throw error
      if (unreachable) markDown(this, error)
      return (fallback.query as (...a: unknown[]) => Promise<unknown>).apply(fallback, args)
    }) as never
  }

  /** The pool's own answer, never the primary's: for the monitor. */
  probe<R extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<R>> {
    const query = pg.Pool.prototype.query as (text: string) => Promise<pg.QueryResult<R>>
    return query.call(this, text)
  }
}

let logger: Pick<Payload['logger'], 'warn' | 'info'> | null = null

function markDown(pool: object, error: unknown): void {
  const state = STATES.get(pool)
  if (!state) return
  state.up = false
  say(state, 'down', error)
}

function say(state: ReplicaState, now: ReplicaState['said'], error?: unknown): void {
  if (state.said === now) return
  const first = state.said === null
  state.said = now
  const where = redact(state.url)
  if (now === 'usable') {
    if (!first) logger?.info({ msg: `Read replica ${where} is back: readers read from it again` })
  } else if (now === 'down') {
    const { message, code } = (error ?? {}) as { message?: string; code?: string }
    logger?.warn({
      msg: `Read replica ${where} is not answering: its reads go to the primary`,
      reason: code ? `${code}: ${message}` : message,
    })
  } else {
    logger?.warn({
      msg: `Read replica ${where} is ${state.lagSeconds.toFixed(1)} s behind the primary: its reads go to the primary until it catches up`,
    })
  }
}

/** A URL without its password, for the logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return `${parsed.host}${parsed.pathname}`
  } catch {
    return '(unparsable URL)'
  }
}

function isUsable(state: ReplicaState | undefined, maxLagSeconds: number): boolean {
  return !!state && state.up && state.lagSeconds <= maxLagSeconds
}

/** `pg` for Payload's adapter: replicas' pools fall back to the primary and name themselves. */
export function replicaAwarePg(readUrls: string[]): NonNullable<PostgresAdapterArgs['pg']> {
  class Pool extends pg.Pool {
    constructor(options?: pg.PoolConfig) {
      const isReplica = !!options?.connectionString && readUrls.includes(options.connectionString)
      if (!isReplica) {
        super(options)
        return
      }
      // Payload builds a replica's pool from the primary's options: same size, own name.
      const replica = new ReplicaPool({ ...options, application_name: 'broadsheet-read' })
      STATES.set(replica, {
        url: options.connectionString!,
        up: true,
        lagSeconds: 0,
        said: null,
      })
      // An idle replica connection that dies must not kill the server (see survivePoolErrors).
      replica.on('error', (error) => markDown(replica, error))
      // Payload's first connect() on a replica is not awaited: a replica down at start-up would
      // otherwise be an unhandled rejection. It is down; the monitor finds it when it is back.
      const connect = replica.connect.bind(replica)
      replica.connect = ((callback?: (...a: unknown[]) => void) => {
        if (callback) return connect(callback as never)
        return connect().catch((error: unknown) => {
          markDown(replica, error)
          return undefined
        })
      }) as typeof replica.connect
      return replica as unknown as Pool
    }
  }
  // Payload's adapter carries its own copy of pg's type declarations: the same module at run time.
  return { ...pg, Pool } as unknown as NonNullable<PostgresAdapterArgs['pg']>
}

/** An LSN such as `16/B374D848` as a number that orders like it. */
function lsn(text: string | null | undefined): bigint | null {
  if (!text) return null
  const [high, low] = text.split('/')
  if (high === undefined || low === undefined) return null
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`)
}

interface Adapter {
  pool?: pg.Pool
  drizzle: Drizzle & { $replicas?: Drizzle[] }
  primaryDrizzle?: Drizzle
  [method: string]: unknown
}

/** The adapter's read methods: for a logged-in user they read the primary. */
const READS = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
] as const

/** The adapter's methods for Payload's jobs queue: always on the primary. */
const JOB_METHODS = ['updateJobs', 'updateJob', 'deleteJobs'] as const

export interface ReplicaStatus {
  /** Host, port and database (no password). */
  replica: string
  up: boolean
  lagSeconds: number
  /** Readers read from it now. */
  usable: boolean
}

export interface ReplicaRouting {
  /** The database a reader's raw read should use (a usable replica, else the primary). */
  readDatabase: () => Drizzle
  /** Each replica as the last probe (or failed read) left it: for readiness and tests. */
  status: () => ReplicaStatus[]
  /**
   * Resolves once every usable replica has replayed what the primary has written so far (true),
   * or after `timeoutMs` (false: the lagging ones are then skipped by the lag rule meanwhile).
   */
  caughtUp: (timeoutMs: number) => Promise<boolean>
  stop: () => void
}

const ROUTING = Symbol.for('broadsheet.replicaRouting')
/** The routing of this process's Payload, for code that has no Payload at hand (invalidate). */
const CURRENT = Symbol.for('broadsheet.replicaRouting.current')

/**
 * Waits (at most `timeoutMs`) until the read replicas have replayed every change committed so
 * far; at once without replicas. A publish purges and re-renders pages only after this, so a
 * page rebuilt from a replica never keeps what the publish replaced.
 */
export async function replicasCaughtUp(timeoutMs = 2000): Promise<boolean> {
  const routing = (globalThis as { [CURRENT]?: ReplicaRouting })[CURRENT]
  return routing ? routing.caughtUp(timeoutMs) : true
}

/**
 * Wires the replicas Payload's adapter opened (onInit): picks replicas by
 * health and lag, sends logged-in users' reads to the primary, and starts the
 * monitor. Does nothing without replicas.
 */
export function routeReads(payload: Payload, maxLagSeconds: number): void {
  const adapter = payload.db as unknown as Adapter
  const primary = adapter.primaryDrizzle
  const replicas = adapter.drizzle.$replicas
  const primaryPool = adapter.pool
  if (!primary || !replicas?.length || !primaryPool) return
  logger = payload.logger

  const states = replicas.map((replica) => {
    const pool = replica.$client as ReplicaPool
    pool.fallback = primaryPool
    return { replica, pool, state: STATES.get(pool)! }
  })

  const pick = (): Drizzle => {
    if (primaryReads.getStore()) return primary
    const usable = states.filter(({ state }) => isUsable(state, maxLagSeconds))
    if (usable.length === 0) return primary
    return usable[Math.floor(Math.random() * usable.length)]!.replica
  }
  adapter.drizzle = withReplicas(
    primary as never,
    replicas as never,
    pick as never,
  ) as unknown as Adapter['drizzle']

  // Auth collections too, whoever asks: the login check looks the user (and their session) up
  // before req.user exists, and a session just created or revoked must count at once, on every
  // process. And the jobs queue, which only the runners read.
  const primarySlugs = new Set([
    ...payload.config.collections.filter((collection) => collection.auth).map(({ slug }) => slug),
    'payload-jobs',
  ])
  for (const method of READS) {
    const read = adapter[method]
    if (typeof read !== 'function') continue
    adapter[method] = function (
      this: unknown,
      args: { req?: { user?: unknown }; collection?: string },
    ) {
      const call = () => (read as (a: unknown) => unknown).call(this, args)
      const primaryOnly = args?.req?.user || (args?.collection && primarySlugs.has(args.collection))
      return primaryOnly ? readingPrimary(call) : call()
    }
  }
  // The jobs runner reads a due job and then marks it, outside a transaction: that read must
  // see what the primary has, or a job another runner just finished looks due again.
  for (const method of JOB_METHODS) {
    const work = adapter[method]
    if (typeof work !== 'function') continue
    adapter[method] = function (this: unknown, args: unknown) {
      return readingPrimary(() => (work as (a: unknown) => unknown).call(this, args))
    }
  }

  // Where the primary's WAL stood, newest last: a replica that has not replayed an LSN the
  // primary had at time t is at least (now - t) behind, whatever the servers' clocks say.
  const history: { at: number; lsn: bigint }[] = []
  let busy = false
  const check = async () => {
    if (busy) return
    busy = true
    try {
      try {
        const { rows } = await primaryPool.query<{ lsn: string }>(
          'SELECT pg_current_wal_flush_lsn()::text AS lsn',
        )
        const current = lsn(rows[0]?.lsn)
        const last = history[history.length - 1]
        if (current !== null && (!last || current > last.lsn)) {
          history.push({ at: Date.now(), lsn: current })
        }
      } catch {
        // The primary is away: the outage handling answers for that; replicas are judged as before.
      }
      const horizon = Date.now() - (maxLagSeconds + 60) * 1000
      while (history.length > 1 && history[0]!.at < horizon) history.shift()
      await Promise.all(
        states.map(async ({ pool, state }) => {
          try {
            const { rows } = await pool.probe<{ standby: boolean; replayed: string | null }>(
              'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed',
            )
            const replayed = lsn(rows[0]?.replayed)
            // A server that is not a standby has nothing to replay.
            const behind =
              rows[0]?.standby && replayed !== null
                ? history.find((sample) => sample.lsn > replayed)
                : undefined
            state.lagSeconds = behind ? (Date.now() - behind.at) / 1000 : 0
            state.up = true
            say(state, isUsable(state, maxLagSeconds) ? 'usable' : 'lagging')
          } catch (error) {
            markDown(pool, error)
          }
        }),
      )
    } finally {
      busy = false
    }
  }
  void check()
  const timer = setInterval(() => void check(), REPLICA_CHECK_MS)
  timer.unref()

  const routing: ReplicaRouting = {
    readDatabase: pick,
    status: () =>
      states.map(({ state }) => ({
        replica: redact(state.url),
        up: state.up,
        lagSeconds: state.lagSeconds,
        usable: isUsable(state, maxLagSeconds),
      })),
    caughtUp: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs
      try {
        const { rows } = await primaryPool.query<{ lsn: string }>(
          'SELECT pg_current_wal_lsn()::text AS lsn',
        )
        const target = lsn(rows[0]?.lsn)
        if (target === null) return true
        const waiting = new Set(states.filter(({ state }) => isUsable(state, maxLagSeconds)))
        while (waiting.size > 0) {
          for (const entry of [...waiting]) {
            const { rows: replayed } = await entry.pool
              .probe<{ replayed: string | null }>(
                'SELECT pg_last_wal_replay_lsn()::text AS replayed',
              )
              .catch(() => ({ rows: [] as { replayed: string | null }[] }))
            const at = lsn(replayed[0]?.replayed)
            // Caught up, or not answering (its reads go to the primary then).
            if (at === null || at >= target) waiting.delete(entry)
          }
          if (waiting.size === 0) break
          if (Date.now() >= deadline) return false
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
        return true
      } catch {
        // The primary is away: nothing was committed that a replica could be missing.
        return true
      }
    },
    stop: () => clearInterval(timer),
  }
  ;(adapter as unknown as { [ROUTING]?: ReplicaRouting })[ROUTING] = routing
  ;(globalThis as { [CURRENT]?: ReplicaRouting })[CURRENT] = routing
}

/** The routing routeReads set up on this Payload, if it has replicas. */
export function replicaRouting(payload: Payload): ReplicaRouting | undefined {
  return (payload.db as unknown as { [ROUTING]?: ReplicaRouting })[ROUTING]
}
