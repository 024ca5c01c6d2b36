/** `npm run migrate`: apply pending migrations (no seed). */
import { migrateAndSeed } from './migrateAndSeed'
import { runWithPayload } from './withPayload'

await runWithPayload('migrate', async (payload) => {
  await migrateAndSeed(payload, { seed: false })
  return 0
})
