/**
 * A database of the bench's own on the project's PostgreSQL server (embedded
 * or DATABASE_URL), migrated and seeded, dropped afterwards: a bench never
 * changes the content someone works on.
 */
import { spawnSync } from 'node:child_process'

import pg from 'pg'

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export interface BenchDatabase {
  url: string
  drop: () => Promise<void>
}

export async function createBenchDatabase(serverUrl: string, name: string): Promise<BenchDatabase> {
  await onServer(serverUrl, `create database "${name}"`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `drop database if exists "${name}" with (force)`),
  }
}

/**
 * `npm run seed` on the database `env` names. The seed script occasionally
 * ends with nothing done (Payload's start-up, see README): its result line is
 * checked, and it runs again rather than leave an unmigrated database.
 */
export function seedDatabase(env: NodeJS.ProcessEnv): void {
  let output = ''
  for (let attempt = 0; attempt < 3 && !/Seed: \d+ document/.test(output); attempt += 1) {
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'src/scripts/seed.ts'], {
      env,
      encoding: 'utf8',
    })
    output = seeded.stdout + seeded.stderr
  }
  if (!/Seed: \d+ document/.test(output)) throw new Error(`seed failed: ${output}`)
}
