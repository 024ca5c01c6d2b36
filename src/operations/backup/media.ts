import { readdirSync } from 'node:fs'
import path from 'node:path'

/**
 * What a backup keeps of the media. On local disk: the files themselves (MEDIA_DIR). In S3
 * (S3_BUCKET set) the bucket is the store of record and keeps its own versions; a backup keeps
 * the listing (key, size, ETag) so a restore can tell which objects the database refers to.
 */
export interface MediaObject {
  key: string
  size: number
  etag?: string
}

export function mediaInS3(): boolean {
  return Boolean(process.env.S3_BUCKET)
}

/**
 * HOOK for the S3 work (src/uploads/): list the bucket's objects. Until that module exports
 * its listing function, a backup with S3_BUCKET set refuses rather than pretend.
 */
export async function listS3Media(): Promise<MediaObject[]> {
  throw new Error(
    'S3_BUCKET is set, but the bucket listing is not wired into `npm run db:backup` yet (src/operations/backup/media.ts, listS3Media): back the bucket up with its own versioning, or unset S3_BUCKET to back up MEDIA_DIR.',
  )
}

/** How many files a folder holds, at any depth (0 when it does not exist). */
export function fileCount(folder: string): number {
  let entries
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch {
    return 0
  }
  return entries.reduce(
    (sum, entry) => sum + (entry.isDirectory() ? fileCount(path.join(folder, entry.name)) : 1),
    0,
  )
}
