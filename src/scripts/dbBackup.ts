/** `npm run db:backup`: the database and the media, one timestamped file under BACKUP_DIR. */
import path from 'node:path'

import { createBackup } from '@/operations/backup/backup'

import { runOnDatabase } from './withPayload'

await runOnDatabase(
  async (database) => {
    const { file, manifest } = await createBackup({
      databaseUrl: database.url,
      mediaDir: path.resolve(process.env.MEDIA_DIR ?? path.join('.data', 'media')),
      backupDir: path.resolve(process.env.BACKUP_DIR ?? path.join('.data', 'backups')),
    })
    const media =
      manifest.media.kind === 'files'
        ? `${manifest.media.files} media files`
        : `a listing of ${manifest.media.objects} S3 objects`
    console.log(
      `Backup written: ${file} (database at ${manifest.migrations.length} migrations, ${media}).`,
    )
    return 0
  },
  (error) => {
    console.error(`Backup failed: ${(error as Error).message}`)
    return 1
  },
)
