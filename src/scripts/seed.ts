/** `npm run seed`: migrate, then create any missing demo content. Safe to run again. */
import { migrateAndSeed } from './migrateAndSeed'
import { runWithPayload } from './withPayload'

await runWithPayload('seed', async (payload) => {
  await migrateAndSeed(payload)
  return 0
})
