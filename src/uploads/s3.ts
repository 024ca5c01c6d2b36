import path from 'node:path'

import { S3, type S3ClientConfig } from '@aws-sdk/client-s3'

import { env } from '@/env'

import { type ImageFiles, imageFileNames } from './fileNames'

/** The bucket settings from the environment (src/env.ts); null keeps images on the local disk. */
export type S3Settings = NonNullable<typeof env.S3>

/**
 * The S3 client's settings. A server that does not accept a connection fails
 * the request in 5 s and one that stops answering in 30 s, so an upload tells
 * the editor instead of hanging until the operating system gives up.
 */
export function s3ClientConfig(settings: S3Settings): S3ClientConfig {
  const agent = { keepAlive: true, maxSockets: 100 }
  return {
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: 30_000,
      httpAgent: agent,
      httpsAgent: agent,
    },
  }
}

let client: S3 | undefined

/** This module's own client (listing, clean-up), one attempt per call: a failure is reported, not waited out. */
export function s3Client(settings: S3Settings): S3 {
  client ??= new S3({ ...s3ClientConfig(settings), maxAttempts: 1 })
  return client
}

/** The object keys of an image's files, the original and every size (no collection prefix is used). */
export function objectKeys(doc: (ImageFiles & { prefix?: string | null }) | null | undefined) {
  return imageFileNames(doc).map((name) => path.posix.join(doc?.prefix || '', name))
}

/** Whether an error came from talking to the bucket: the SDK marks everything it throws, network failures included, with `$metadata`. */
export function isStorageError(error: unknown): boolean {
  return Boolean(error && typeof error === 'object' && '$metadata' in error)
}
