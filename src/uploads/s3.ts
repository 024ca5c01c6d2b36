import path from 'node:path'

import { S3, type S3ClientConfig } from '@aws-sdk/client-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'

import { env } from '@/env'

import { type ImageFiles, imageFileNames } from './fileNames'

/** The bucket settings from the environment (src/env.ts); null keeps images on the local disk. */
export type S3Settings = NonNullable<typeof env.S3>

/** Object writes on their way to the bucket, from every client of this process. */
const writesInFlight = new Set<Promise<unknown>>()

/**
 * Waits until every write under way has succeeded or failed. storage-s3
 * writes an image's files side by side and gives up at the first failure,
 * while the others may still land: a clean-up must wait for them first.
 */
export async function writesSettled(): Promise<void> {
  while (writesInFlight.size > 0) await Promise.allSettled([...writesInFlight])
}

/** Node's HTTP handler, noting each write while it is under way. */
class TrackedHttpHandler extends NodeHttpHandler {
  override handle(...args: Parameters<NodeHttpHandler['handle']>) {
    const answer = super.handle(...args)
    if (args[0].method === 'PUT') {
      writesInFlight.add(answer)
      void answer.then(
        () => writesInFlight.delete(answer),
        () => writesInFlight.delete(answer),
      )
    }
    return answer
  }
}

/**
 * The S3 client's settings. A server that does not accept a connection fails
 * the request in 5 s and one that stops answering in 30 s, so an upload tells
 * the editor instead of hanging until the operating system gives up. One
 * attempt per request: a retry the SDK would make after a failed upload gave
 * up could land after the clean-up (and a retried upload is the editor's to make).
 */
export function s3ClientConfig(settings: S3Settings): S3ClientConfig {
  const agent = { keepAlive: true, maxSockets: 100 }
  return {
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    maxAttempts: 1,
    requestHandler: new TrackedHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: 30_000,
      httpAgent: agent,
      httpsAgent: agent,
    }),
  }
}

let client: S3 | undefined

/** This module's own client (listing, clean-up); a failure is reported, not waited out. */
export function s3Client(settings: S3Settings): S3 {
  client ??= new S3(s3ClientConfig(settings))
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
