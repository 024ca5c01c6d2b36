/**
 * `npm run lint:content [-- <slug> …]`: the publish checklist over the latest
 * version of every article (or the ones named). Exits 1 when any article has
 * an error — the same errors that block publishing in the admin.
 */
import type { Payload } from 'payload'

import { openDatabase } from './database'
import { ensureSecret } from './secret'

const slugs = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
// Payload's start-up occasionally leaves nothing to wait on and Node would exit 0 having
// checked nothing: never report that as a pass.
process.on('beforeExit', () => {
  console.error('lint:content stopped before checking anything; run it again.')
  process.exit(2)
})
const database = await openDatabase()
process.env.DATABASE_URL = database.url
process.env.PAYLOAD_SECRET = ensureSecret()
let code = 0
try {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { formatReport, lintArticles } = await import('@/checklist/lint')
  const payload: Payload = await getPayload({ config })
  try {
    const results = await lintArticles(payload, slugs)
    if (slugs.length && results.length === 0) {
      console.error(`No article has the slug ${slugs.join(', ')}.`)
      code = 2
    } else {
      console.log(formatReport(results))
      if (results.some((result) => result.errors.length > 0)) code = 1
    }
  } finally {
    await payload.destroy()
  }
} catch (error) {
  console.error(error)
  code = 2
} finally {
  await database.stop()
}
process.exit(code)
