import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import { env } from '@/env'

import { s3Client, type S3Settings } from './s3'

/** One stored file of an image (an original or a size): its key in the bucket, or its path under MEDIA_DIR. */
export interface MediaObject {
  key: string
  size: number
}

async function listBucket(settings: S3Settings): Promise<MediaObject[]> {
  const objects: MediaObject[] = []
  let ContinuationToken: string | undefined
  do {
    const page = await s3Client(settings).listObjectsV2({
      Bucket: settings.bucket,
      ContinuationToken,
    })
    for (const object of page.Contents ?? []) {
      if (object.Key) objects.push({ key: object.Key, size: object.Size ?? 0 })
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (ContinuationToken)
  return objects
}

async function listFolder(root: string): Promise<MediaObject[]> {
  let entries
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true })
  } catch (error) {
    // No image uploaded yet: the folder is made with the first one.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name)
        return {
          key: path.relative(root, file).split(path.sep).join('/'),
          size: (await stat(file)).size,
        }
      }),
  )
}

/**
 * Every stored image file, sorted by key: the bucket's objects when images are
 * on S3, the files under MEDIA_DIR otherwise. For backups, which record it
 * beside the database dump (the bucket itself is backed up by its own means).
 */
export async function listMediaObjects(
  settings: S3Settings | null = env.S3,
): Promise<MediaObject[]> {
  const objects = settings
    ? await listBucket(settings)
    : await listFolder(path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.MEDIA_DIR))
  return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
