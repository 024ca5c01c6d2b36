/**
 * The deploy's migrate step where there is no npm (the Docker image, bundled to
 * broadsheet-migrate.mjs): apply pending migrations to DATABASE_URL, then, with
 * BROADSHEET_SEED=1, create the demo content in an empty database. Exits 0 when the
 * schema is current. `npm run migrate` does the same on a checkout.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { migrateAndSeed } from '@/scripts/migrateAndSeed'

const payload = await getPayload({ config })
try {
  await migrateAndSeed(payload, { seed: process.env.BROADSHEET_SEED === '1' })
} finally {
  await payload.destroy()
}
process.exit(0)
