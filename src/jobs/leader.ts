import { hostname } from 'node:os'

import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import type { Payload } from 'payload'

import { env } from '@/env'

/*
 * Which app process runs the scheduled jobs: the one holding a PostgreSQL
 * session-level advisory lock, on a connection of its own (never the pool's,
 * whose connections come and go). PostgreSQL frees the lock the moment that
 * connection ends (the process exits, is killed, or loses the database), and
 * another process takes it on its next tick (each second, src/jobs/config.ts).
 * Payload claims a due job by reading it and then marking it `processing`
 * (two statements), so two runners on one database could both run it: the
 * lock is what makes a scheduled publish happen once.
 */

/** The lock's two keys: 'BSHT' and 1 (the two-key form never meets a one-key lock). */
export const JOBS_LOCK = { classid: 0x42534854, objid: 1 } as const

/** A job still `processing` this long after its last update belonged to a runner that is gone. */
export const STALE_JOB_SECONDS = 120
const STALE_CHECK_MS = 60_000
/** A leader whose runner stopped ticking (Payload destroyed, its crons stopped) lets go after this. */
const SILENT_LEADER_MS = 30_000

/** How PostgreSQL names the leader's connection (pg_stat_activity.application_name). */
export function leaderName(): string {
  return `broadsheet-jobs pid=${process.pid} host=${hostname()}`.slice(0, 63)
}

class JobsLeader {
  private client: pg.Client | null = null
  private leading = false
  private lastStaleCheck = 0
  private lastProblem: string | null = null
  private lastTick = 0
  private watchdog: NodeJS.Timeout | null = null

  constructor(private readonly connectionString: string) {}

  /** Whether this process holds the lock now, as of its last tick (no query). */
  get isLeader(): boolean {
    return this.leading
  }

  /**
   * Called on every tick of the jobs runner: keeps the lock (one `select 1`
   * proves the session, and with it the lock, is alive) or tries to take it.
   * Any failure drops the connection, and with it any claim to lead.
   */
  async tick(payload: Payload): Promise<boolean> {
    this.lastTick = Date.now()
    try {
      const client = this.client ?? (await this.connect(payload))
      if (this.leading) {
        await client.query('select 1')
      } else {
        const { rows } = await client.query<{ ok: boolean }>(
          'select pg_try_advisory_lock($1, $2) as ok',
          [JOBS_LOCK.classid, JOBS_LOCK.objid],
        )
        if (rows[0]?.ok) this.promote(payload)
      }
      if (this.leading) await this.releaseStaleJobs(client, payload)
      this.lastProblem = null
      return this.leading
    } catch (error) {
      this.drop(payload, error)
      return false
    }
  }

  /** Ends the connection, which frees the lock at once (for a graceful shutdown). */
  async release(): Promise<void> {
    const client = this.client
    this.client = null
    this.leading = false
    if (this.watchdog) clearInterval(this.watchdog)
    this.watchdog = null
    await client?.end().catch(() => {})
  }

  private async connect(payload: Payload): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: leaderName(),
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    })
    client.on('error', (error) => this.drop(payload, error, client))
    client.on('end', () => this.drop(payload, null, client))
    this.client = client
    await client.connect()
    // Let PostgreSQL notice within about 25 s a leader whose machine vanished
    // without closing the connection, so the lock does not outlive it for hours.
    await client.query(
      'set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5; set tcp_keepalives_count = 3',
    )
    return client
  }

  private promote(payload: Payload): void {
    this.leading = true
    this.lastStaleCheck = 0
    // Holding the lock without running jobs would stop every scheduled publish.
    this.watchdog ??= setInterval(() => {
      if (this.leading && Date.now() - this.lastTick > SILENT_LEADER_MS) void this.release()
    }, SILENT_LEADER_MS / 3)
    this.watchdog.unref()
    payload.logger.info({ msg: 'This process now runs the scheduled jobs', leader: leaderName() })
  }

  /** Demotes on any problem with the lock's connection; logs once per kind of problem. */
  private drop(payload: Payload, error: unknown, client: pg.Client | null = this.client): void {
    if (client !== this.client) return
    const wasLeading = this.leading
    this.client = null
    this.leading = false
    client?.end().catch(() => {})
    const problem = error instanceof Error ? error.message : 'connection ended'
    if (wasLeading || problem !== this.lastProblem) {
      payload.logger.warn({
        msg: wasLeading
          ? 'Lost the scheduled-jobs lock; another process takes over the jobs'
          : 'Could not reach PostgreSQL for the scheduled-jobs lock; trying again each second',
        err: error,
      })
    }
    this.lastProblem = problem
  }

  /**
   * A leader killed while running a job leaves it `processing`, which no
   * runner picks up again; the next leader hands such jobs back to the queue.
   * Jobs here are short (a publish, a banner's end), so one untouched for
   * STALE_JOB_SECONDS is not running anywhere.
   */
  private async releaseStaleJobs(client: pg.Client, payload: Payload): Promise<void> {
    if (Date.now() - this.lastStaleCheck < STALE_CHECK_MS) return
    this.lastStaleCheck = Date.now()
    const { rowCount } = await client.query(
      `update payload_jobs set processing = false, updated_at = now()
        where processing and completed_at is null
          and updated_at < now() - make_interval(secs => $1)`,
      [STALE_JOB_SECONDS],
    )
    if (rowCount) {
      payload.logger.warn({ msg: 'Requeued jobs a stopped runner left unfinished', jobs: rowCount })
    }
  }
}

const KEY = Symbol.for('broadsheet.jobsLeader')

/** This process's elector (one per process, across Next's module copies and reloads). */
export function jobsLeader(): JobsLeader {
  const store = globalThis as typeof globalThis & { [KEY]?: JobsLeader }
  return (store[KEY] ??= new JobsLeader(env.DATABASE_URL))
}

/**
 * Payload's `shouldAutoRun`, asked on every tick of the runner: only the
 * lock's holder runs jobs; BROADSHEET_JOBS=off never does, nor takes the lock.
 */
export async function shouldRunJobs(payload: Payload): Promise<boolean> {
  if (process.env.BROADSHEET_JOBS === 'off') return false
  return jobsLeader().tick(payload)
}

/** The application_name of the process that runs the jobs now, or null when none does. */
export async function currentJobsLeader(payload: Payload): Promise<string | null> {
  const result = await payload.db.drizzle.execute(sql`
    select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
     where l.locktype = 'advisory' and l.granted and l.classid = ${JOBS_LOCK.classid}
       and l.objid = ${JOBS_LOCK.objid} and l.objsubid = 2`)
  const row = result.rows[0] as { name: string } | undefined
  return row?.name ?? null
}
