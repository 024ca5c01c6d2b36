/** `npm run seed`: migrate, then create any missing demo content. Safe to run again. */
import { openDatabase } from './database'
import { migrateAndSeed } from './migrateAndSeed'
import { ensureSecret } from './secret'

const database = await openDatabase()
process.env.DATABASE_URL = database.url
process.env.PAYLOAD_SECRET = ensureSecret()
let code = 0
try {
  await migrateAndSeed()
} catch (error) {
  console.error(error)
  code = 1
} finally {
  await database.stop()
}
process.exit(code)
