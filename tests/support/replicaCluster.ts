import { execFileSync } from 'node:child_process'
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort } from '@/scripts/net'

/**
 * A throwaway PostgreSQL primary and a hot standby streaming from it, each on
 * its own free port in a temporary folder: made with the server's own tools
 * (initdb, pg_basebackup -R), so the machine's main cluster is never touched.
 * PostgreSQL refuses to run as root, so as root the servers run as `postgres`.
 */
function serverBinaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  // Debian keeps each major version's server programs under /usr/lib/postgresql/<major>/bin.
  const majors = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').filter((name) => /^\d+$/.test(name))
    : []
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0]
  if (!newest || !existsSync(`/usr/lib/postgresql/${newest}/bin/pg_basebackup`)) {
    throw new Error(
      "The read-replica test needs PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup): apt-get install postgresql, or set PG_BIN to their folder",
    )
  }
  return `/usr/lib/postgresql/${newest}/bin`
}
const BIN = serverBinaries()

export interface ReplicaCluster {
  /** postgres:// URLs of a database on each server (`broadsheet`, made on the primary). */
  primaryUrl: string
  replicaUrl: string
  /** Stops the standby (`pg_ctl stop -m fast`): connections to it are cut and refused. */
  stopReplica: () => void
  startReplica: () => void
  /** Holds (or lets go) the standby's replay: it receives WAL but applies none, falling behind. */
  pauseReplay: () => Promise<void>
  resumeReplay: () => Promise<void>
  /** Waits until the standby has replayed everything the primary has written so far. */
  caughtUp: (timeoutMs?: number) => Promise<void>
  /** Runs one query on a server (as the superuser, on the `broadsheet` database). */
  query: <R extends pg.QueryResultRow>(server: 'primary' | 'replica', text: string) => Promise<R[]>
  stop: () => void
}

function asPostgres(command: string, args: string[]): string {
  const [file, argv] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args]
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-replica-'))
  const ids = postgresIds()
  if (ids) chownSync(root, ids.uid, ids.gid)
  const primaryDir = path.join(root, 'primary')
  const replicaDir = path.join(root, 'replica')
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  const started: string[] = []

  const pgCtl = (dir: string, action: 'start' | 'stop', extra: string[] = []) =>
    asPostgres(`${BIN}/pg_ctl`, ['-D', dir, '-l', `${dir}.log`, '-w', '-t', '60', action, ...extra])
  const stop = () => {
    for (const dir of started.splice(0).reverse()) {
      try {
        pgCtl(dir, 'stop', ['-m', 'immediate'])
      } catch {
        // Already stopped.
      }
    }
    rmSync(root, { recursive: true, force: true })
  }

  try {
    asPostgres(`${BIN}/initdb`, [
      '-D',
      primaryDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
      '--no-instructions',
    ])
    // Test servers: no fsync, statements counted (pg_stat_statements) on each server.
    appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        'fsync = off',
        'full_page_writes = off',
        "shared_preload_libraries = 'pg_stat_statements'",
        'max_connections = 100',
        'hot_standby_feedback = on',
        '',
      ].join('\n'),
    )
    pgCtl(primaryDir, 'start', ['-o', `-p ${primaryPort}`])
    started.push(primaryDir)
    asPostgres(`${BIN}/pg_basebackup`, [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
      '--no-sync',
    ])
    pgCtl(replicaDir, 'start', ['-o', `-p ${replicaPort}`])
    started.push(replicaDir)
  } catch (error) {
    stop()
    throw error
  }

  const serverUrl = (port: number, database: string) =>
    `postgres://postgres@127.0.0.1:${port}/${database}`
  const query = async <R extends pg.QueryResultRow>(
    server: 'primary' | 'replica',
    text: string,
    database = 'broadsheet',
  ): Promise<R[]> => {
    const client = new pg.Client({
      connectionString: serverUrl(server === 'primary' ? primaryPort : replicaPort, database),
      application_name: 'broadsheet-test',
    })
    await client.connect()
    try {
      return (await client.query<R>(text)).rows
    } finally {
      await client.end()
    }
  }

  const caughtUp = async (timeoutMs = 30_000) => {
    const [{ lsn }] = await query<{ lsn: string }>(
      'primary',
      'SELECT pg_current_wal_lsn()::text AS lsn',
      'postgres',
    )
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const [row] = await query<{ done: boolean }>(
        'replica',
        `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        'postgres',
      )
      if (row?.done) return
      if (Date.now() > deadline) throw new Error(`The standby did not replay ${lsn} in time`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  try {
    await query('primary', 'CREATE DATABASE broadsheet', 'postgres')
    await query('primary', 'CREATE EXTENSION pg_stat_statements')
    await caughtUp()
  } catch (error) {
    stop()
    throw error
  }

  return {
    primaryUrl: serverUrl(primaryPort, 'broadsheet'),
    replicaUrl: serverUrl(replicaPort, 'broadsheet'),
    stopReplica: () => void pgCtl(replicaDir, 'stop', ['-m', 'fast']),
    startReplica: () => void pgCtl(replicaDir, 'start', ['-o', `-p ${replicaPort}`]),
    pauseReplay: async () => void (await query('replica', 'SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await query('replica', 'SELECT pg_wal_replay_resume()')),
    caughtUp,
    query,
    stop,
  }
}
