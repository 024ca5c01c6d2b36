import { readdirSync } from 'node:fs'
import path from 'node:path'

import type { MediaObject } from '@/uploads/listMediaObjects'

/**
 * What a backup keeps of the media. On local disk: the files themselves (MEDIA_DIR). In S3
 * (S3_BUCKET set) the bucket is the store of record and keeps its own versions; a backup keeps
 * the listing (key, size) so a restore can tell which objects the database refers to.
 */
export type { MediaObject }

export function mediaInS3(): boolean {
  // Empty (as compose files leave it) is unset, as in src/env.ts.
  return Boolean(process.env.S3_BUCKET)
}

/**
 * Every object in the media bucket (src/uploads/listMediaObjects.ts), sorted by key. Imported
 * when asked for: src/env.ts checks the environment, which the command has only just settled.
 */
export async function listS3Media(): Promise<MediaObject[]> {
  const { listMediaObjects } = await import('@/uploads/listMediaObjects')
  return listMediaObjects()
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
