import type { Migration, Payload } from 'payload'

/**
 * Applies pending migrations (the list in migrations/index.ts, the same one the server's
 * start-up check and /api/ready compare the database with) and, unless told not to, the
 * idempotent demo seed.
 */
export async function migrateAndSeed(
  payload: Payload,
  { seed = true }: { seed?: boolean } = {},
): Promise<void> {
  // Imported once Payload is up, as the config's own graph used to load it (the scripts' start-up
  // is sensitive to what loads alongside Payload's).
  const { migrations } = await import('@/migrations')
  // Payload types a migration's arguments as unknown; the generated ones name theirs.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  if (seed) {
    const { seedDemoContent } = await import('@/seed')
    await seedDemoContent(payload)
  }
}
