import type { Payload } from 'payload'

/**
 * Applies pending migrations from migrations/ and, unless told not to, the
 * idempotent demo seed.
 */
export async function migrateAndSeed(
  payload: Payload,
  { seed = true }: { seed?: boolean } = {},
): Promise<void> {
  await payload.db.migrate()
  if (seed) {
    const { seedDemoContent } = await import('@/seed')
    await seedDemoContent(payload)
  }
}
