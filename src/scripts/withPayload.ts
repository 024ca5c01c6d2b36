import type { Payload } from 'payload'

import { type Database, openDatabase } from './database'
import { ensureSecret } from './secret'

/**
 * Opens the project's database (embedded or DATABASE_URL), points DATABASE_URL
 * and PAYLOAD_SECRET at it, runs `task`, stops the database and exits with the
 * task's code, or with `failed(error)` when the task throws.
 */
export async function runOnDatabase(
  task: (database: Database) => Promise<number>,
  failed: (error: unknown) => number,
): Promise<never> {
  const database = await openDatabase()
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET = ensureSecret()
  let code: number
  try {
    code = await task(database)
  } catch (error) {
    code = failed(error)
  } finally {
    await database.stop()
  }
  process.exit(code)
}

/**
 * Payload on the database DATABASE_URL names, for `task`, destroyed afterwards.
 * The config is imported only now, once DATABASE_URL is set.
 */
export async function withPayload<T>(task: (payload: Payload) => Promise<T>): Promise<T> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  try {
    return await task(payload)
  } finally {
    await payload.destroy()
  }
}

/**
 * Runs a command-line task with Payload on the project's database and exits
 * with the task's code: 2 when it could not run. Payload's start-up
 * occasionally leaves Node nothing to wait on, which would end the process
 * with 0 having done nothing; that exits 2 with a message.
 */
export async function runWithPayload(
  name: string,
  task: (payload: Payload) => Promise<number>,
): Promise<never> {
  process.on('beforeExit', () => {
    console.error(`${name} stopped before doing anything; run it again.`)
    process.exit(2)
  })
  return runOnDatabase(
    () => withPayload(task),
    (error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error)
      return 2
    },
  )
}
