/**
 * `npm run db:restore <file>`: a backup from `npm run db:backup` into an empty database
 * (DATABASE_URL, or the embedded one) and an empty MEDIA_DIR. Exits 1, having changed
 * nothing, when the file is truncated, damaged or from a newer schema, or the target is not empty.
 */
import path from 'node:path'

import { RestoreRefused, restoreBackup } from '@/operations/backup/restore'

import { runOnDatabase } from './withPayload'

const file = process.argv[2]
if (!file) {
  console.error('Usage: npm run db:restore <file>   (a broadsheet-*.tar from npm run db:backup)')
  process.exit(2)
}

await runOnDatabase(
  async (database) => {
    const { pendingMigrations } = await restoreBackup({
      file: path.resolve(file),
      databaseUrl: database.url,
      mediaDir: path.resolve(process.env.MEDIA_DIR ?? path.join('.data', 'media')),
    })
    console.log(`Restored ${file}.`)
    if (pendingMigrations.length) {
      console.log(
        `The backup predates ${pendingMigrations.length} migration(s) of this code: run \`npm run migrate\` before serving.`,
      )
    }
    return 0
  },
  (error) => {
    console.error(
      error instanceof RestoreRefused
        ? error.message
        : `Restore failed: ${(error as Error).message}`,
    )
    return 1
  },
)
