import type { Payload } from 'payload'

import { openDatabase } from './database'
import { ensureSecret } from './secret'

/**
 * Runs a command-line task with Payload on the project's database (embedded
 * or DATABASE_URL) and exits with the task's code: 2 when it could not run.
 * Payload's start-up occasionally leaves Node nothing to wait on, which would
 * end the process with 0 having done nothing; that exits 2 with a message.
 */
export async function runWithPayload(
  name: string,
  task: (payload: Payload) => Promise<number>,
): Promise<never> {
  process.on('beforeExit', () => {
    console.error(`${name} stopped before doing anything; run it again.`)
    process.exit(2)
  })
  const database = await openDatabase()
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET = ensureSecret()
  let code = 2
  try {
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    const payload = await getPayload({ config })
    try {
      code = await task(payload)
    } finally {
      await payload.destroy()
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    code = 2
  } finally {
    await database.stop()
  }
  process.exit(code)
}
