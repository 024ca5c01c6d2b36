import pg from 'pg'

import { migrations } from '@/migrations'

/**
 * Whether a database holds every migration this code ships (migrations/index.ts): the rule
 * the server's start-up check, /api/ready and `npm run db:restore` share.
 */
export type SchemaStatus =
  | { state: 'current'; applied: number }
  | { state: 'behind'; applied: number; pending: string[] }
  | { state: 'unreachable'; error: string }

interface Queryable {
  query: (text: string) => Promise<{ rows: { name: string }[] }>
}

/** The migrations this code ships, oldest first. */
export function codeMigrations(): string[] {
  return migrations.map((migration) => migration.name)
}

/** The code's migrations missing from `names` (the database's payload_migrations). */
export function missingMigrations(names: Iterable<string>, code = codeMigrations()): string[] {
  const applied = new Set(names)
  return code.filter((name) => !applied.has(name))
}

export async function schemaStatus(database: Queryable): Promise<SchemaStatus> {
  let names: string[]
  try {
    const result = await database.query('select name from payload_migrations')
    names = result.rows.map((row) => row.name)
  } catch (error) {
    // No migrations table yet: an empty database, every migration pending.
    if ((error as { code?: string }).code === '42P01') names = []
    else return { state: 'unreachable', error: (error as Error).message }
  }
  const pending = missingMigrations(names)
  return pending.length
    ? { state: 'behind', applied: names.length, pending }
    : { state: 'current', applied: names.length }
}

/** schemaStatus over a connection of its own, closed afterwards. */
export async function schemaStatusAt(
  connectionString: string,
  timeoutMs = 5000,
): Promise<SchemaStatus> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs })
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => {})
    return { state: 'unreachable', error: (error as Error).message }
  }
  try {
    return await schemaStatus(client)
  } finally {
    await client.end().catch(() => {})
  }
}
