import { s3Storage } from '@payloadcms/storage-s3'
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  PayloadRequest,
  Plugin,
} from 'payload'

import { env } from '@/env'
import { UserFacingError } from '@/lib/errors'

import {
  isStorageError,
  objectKeys,
  s3Client,
  s3ClientConfig,
  type S3Settings,
  writesSettled,
} from './s3'

/**
 * What went wrong with the bucket, for the sentence the editor reads: a
 * server that answered with an error (wrong credentials, no such bucket) is
 * the settings' fault, not a passing outage.
 */
function whatTheStoreDid(error: unknown): string {
  const { $metadata, name } = error as { $metadata?: { httpStatusCode?: number }; name?: string }
  return $metadata?.httpStatusCode
    ? `answered ${name ?? `HTTP ${$metadata.httpStatusCode}`} (check the S3_* settings)`
    : 'did not answer'
}

const uploadFailed = (error: unknown) =>
  `The image store (S3) ${whatTheStoreDid(error)}, so the image was not saved and nothing was kept. Try again in a minute; if it keeps happening, tell whoever runs the site.`
const deleteFailed = (error: unknown) =>
  `The image store (S3) ${whatTheStoreDid(error)}, so the image was not deleted: its files would have stayed behind. Try again in a minute.`
const SERVE_FAILED = 'The image store (S3) did not answer. Try again in a minute.'
const RETRY_AFTER = '30'

type Handler = NonNullable<
  Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']
>[number]

function retryLater(req: PayloadRequest): void {
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', RETRY_AFTER)
  req.responseHeaders = headers
}

/** Removes objects that a failed save wrote; the bucket may be down, so this is a best effort. */
async function removeObjects(settings: S3Settings, keys: string[], req: PayloadRequest) {
  const results = await Promise.allSettled(
    keys.map((Key) => s3Client(settings).deleteObject({ Bucket: settings.bucket, Key })),
  )
  const left = keys.filter((_, index) => results[index]!.status === 'rejected')
  if (left.length > 0) {
    req.payload.logger.error(
      { keys: left },
      'Could not remove the files of an image that was not saved',
    )
  }
}

/**
 * Payload writes the row first and the files after it (storage-s3's
 * afterChange), inside the save's transaction: a failed upload rolls the row
 * back, and this removes whatever files had reached the bucket, so neither a
 * row without its files nor files without a row are left. The editor gets a
 * 503 that says what happened.
 */
function rollBackUploadsOnFailure(
  settings: S3Settings,
  upload: CollectionAfterChangeHook,
): CollectionAfterChangeHook {
  return async (args) => {
    try {
      return await upload(args)
    } catch (error) {
      await writesSettled()
      const kept = new Set(objectKeys(args.previousDoc))
      await removeObjects(
        settings,
        objectKeys(args.doc).filter((key) => !kept.has(key)),
        args.req,
      )
      if (!isStorageError(error)) throw error
      args.req.payload.logger.error({ err: error }, 'An image could not be written to the bucket')
      retryLater(args.req)
      throw new UserFacingError(uploadFailed(error), 503)
    }
  }
}

/**
 * storage-s3 logs a failed delete of the files and deletes the row anyway,
 * leaving the files in the bucket for good: a delete waits until the bucket answers.
 */
function refuseDeleteWhileStoreIsDown(settings: S3Settings): CollectionBeforeDeleteHook {
  return async ({ req }) => {
    try {
      await s3Client(settings).headBucket({ Bucket: settings.bucket })
    } catch (error) {
      if (!isStorageError(error)) throw error
      retryLater(req)
      throw new UserFacingError(deleteFailed(error), 503)
    }
  }
}

/**
 * Every file is kept at the bucket's root under its own name (no collection
 * prefix, no client uploads): the `prefix` the adapter lets a REST or Local
 * API write set is held at '', so a file's key is always its file name.
 */
const keepFilesAtBucketRoot: CollectionBeforeChangeHook = ({ data }) => {
  if ('prefix' in data) data.prefix = ''
  return data
}

/**
 * Serves a file from the bucket. Its key is its file name, so the adapter
 * need not look the image up first (a query per image a reader fetches). A
 * bucket it cannot reach is answered with a bare 500 by the adapter; a reader
 * is told to come back instead (never cached).
 */
function serveFromBucket(serve: Handler): Handler {
  return async (req, args): Promise<Response> => {
    const response = await serve(req, { ...args, doc: args.doc ?? { id: '', prefix: '' } })
    // The adapter always answers; were it not to, Payload would look on the (empty) disk.
    if (!(response instanceof Response)) {
      return Response.json(
        { errors: [{ message: 'No image with that file name exists.' }] },
        { status: 404 },
      )
    }
    if (response.status !== 500) return response
    return Response.json(
      { errors: [{ message: SERVE_FAILED }] },
      { status: 503, headers: { 'Retry-After': RETRY_AFTER, 'Cache-Control': 'no-store' } },
    )
  }
}

/** The public address of one file, when readers fetch images from the bucket or its CDN. */
export function publicFileUrl(publicUrl: string, filename: string, prefix?: string): string {
  const key = [prefix, filename].filter(Boolean).join('/')
  return `${publicUrl}/${key.split('/').map(encodeURIComponent).join('/')}`
}

function guarded(
  settings: S3Settings,
  collection: CollectionConfig,
  before: CollectionConfig,
): CollectionConfig {
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  const hadHandler = new Set(typeof before.upload === 'object' ? before.upload.handlers : [])
  const hadHook = new Set(before.hooks?.afterChange)
  return {
    ...collection,
    upload: {
      ...upload,
      handlers: upload.handlers?.map((handler) =>
        hadHandler.has(handler) ? handler : serveFromBucket(handler),
      ),
    },
    hooks: {
      ...collection.hooks,
      beforeChange: [keepFilesAtBucketRoot, ...(collection.hooks?.beforeChange ?? [])],
      afterChange: collection.hooks?.afterChange?.map((hook) =>
        hadHook.has(hook) ? hook : rollBackUploadsOnFailure(settings, hook),
      ),
      beforeDelete: [
        ...(collection.hooks?.beforeDelete ?? []),
        refuseDeleteWhileStoreIsDown(settings),
      ],
    },
  }
}

/**
 * Images in an S3 bucket when S3_BUCKET is set (the official storage-s3
 * adapter), on the local disk (MEDIA_DIR) otherwise. The columns the adapter
 * adds exist either way (`alwaysInsertFields`), so one schema and one set of
 * migrations serve both. Readers get images through the app at the same
 * /api/media/file/… URLs as from the disk (so the proxy caches them), or
 * straight from S3_PUBLIC_URL when it is set.
 */
export function mediaStorage(settings: S3Settings | null = env.S3): Plugin {
  return async (incoming) => {
    const config = await s3Storage({
      enabled: settings !== null,
      alwaysInsertFields: true,
      bucket: settings?.bucket ?? '',
      config: settings ? s3ClientConfig(settings) : {},
      collections: {
        media: settings?.publicUrl
          ? {
              generateFileURL: ({ filename, prefix }) =>
                publicFileUrl(settings.publicUrl!, filename, prefix),
            }
          : true,
      },
    })(incoming)
    const before = incoming.collections?.find((collection) => collection.slug === 'media')
    if (!settings || !before) return config
    return {
      ...config,
      collections: config.collections?.map((collection) =>
        collection.slug === 'media' ? guarded(settings, collection, before) : collection,
      ),
    }
  }
}
