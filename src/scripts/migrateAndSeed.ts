import type { Payload } from 'payload'

/**
 * Applies pending migrations from migrations/ and, unless told not to, the
 * idempotent demo seed. Imports the config only after DATABASE_URL is set.
 */
export async function migrateAndSeed({ seed = true }: { seed?: boolean } = {}): Promise<void> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload: Payload = await getPayload({ config })
  try {
    await payload.db.migrate()
    if (seed) {
      const { seedDemoContent } = await import('@/seed')
      await seedDemoContent(payload)
    }
  } finally {
    await payload.destroy()
  }
}
