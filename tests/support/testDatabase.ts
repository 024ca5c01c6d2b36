import pg from 'pg'

/**
 * Each test run gets its own database on a real PostgreSQL server
 * (TEST_POSTGRES_URL, default the local server), dropped when the run ends.
 */
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  url: string
  drop: () => Promise<void>
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(
      `Tests need a PostgreSQL server at ${adminUrl} (set TEST_POSTGRES_URL to use another): ${(error as Error).message}`,
    )
  }
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`
  await withAdmin((client) => client.query(`create database "${name}"`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(
        () => {},
      ),
  }
}
