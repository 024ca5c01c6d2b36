/** `npm run migrate`: apply pending migrations (no seed). */
import { openDatabase } from './database'
import { migrateAndSeed } from './migrateAndSeed'
import { ensureSecret } from './secret'

const database = await openDatabase()
process.env.DATABASE_URL = database.url
process.env.PAYLOAD_SECRET = ensureSecret()
let code = 0
try {
  await migrateAndSeed({ seed: false })
} catch (error) {
  console.error(error)
  code = 1
} finally {
  await database.stop()
}
process.exit(code)
