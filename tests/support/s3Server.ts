import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { S3 } from '@aws-sdk/client-s3'
// @ts-expect-error s3rver ships no types; the few calls made here are typed below.
import S3rver from 's3rver'

import { freePort } from '../../src/scripts/net'

interface S3rverInstance {
  httpServer?: http.Server
  run(): Promise<AddressInfo>
  close(): Promise<void>
}

export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/**
 * A real S3-compatible server (s3rver, objects in a temporary folder) with one
 * bucket, behind an HTTP proxy the test controls: the app talks to `endpoint`
 * (the proxy), the test reads the bucket directly with `bucket` (the SDK).
 */
export interface S3Server {
  /** What S3_ENDPOINT should be: the proxy in front of the server. */
  endpoint: string
  bucketName: string
  /** An SDK client on the server itself, past the proxy. */
  bucket: S3
  /** The keys and sizes in the bucket, read past the proxy. */
  list(): Promise<{ key: string; size: number }[]>
  /** Stops the server (its objects stay on disk); the proxy then cannot reach it. */
  stop(): Promise<void>
  /** Starts it again on the same port, with the same objects. */
  start(): Promise<void>
  /** From now on, let `count` more object writes through, then drop every further one: a server dying mid-upload. */
  failWritesAfter(count: number): void
  /** Writes that reached the server since the last `failWritesAfter`. */
  writesLetThrough(): number
  /** Writes go through again. */
  heal(): void
  close(): Promise<void>
}

export async function startS3Server(bucketName = 'broadsheet-media'): Promise<S3Server> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-s3-'))
  const serverPort = await freePort()
  let server: S3rverInstance | null = null
  const start = async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: serverPort,
      directory,
      silent: true,
      configureBuckets: [{ name: bucketName }],
    }) as S3rverInstance
    await server.run()
  }
  const stop = async () => {
    // Kept-alive connections too: a stopped server answers nothing more.
    server?.httpServer?.closeAllConnections()
    await server?.close()
    server = null
  }
  await start()

  let writesAllowed = Infinity
  let writes = 0
  const proxy = http.createServer((request, response) => {
    if (request.method === 'PUT') {
      if (writes >= writesAllowed) {
        request.socket.destroy()
        return
      }
      writes += 1
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: serverPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      },
    )
    upstream.on('error', () => request.socket.destroy())
    request.pipe(upstream)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const proxyPort = (proxy.address() as AddressInfo).port

  const bucket = new S3({
    endpoint: `http://127.0.0.1:${serverPort}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
  })

  return {
    endpoint: `http://127.0.0.1:${proxyPort}`,
    bucketName,
    bucket,
    async list() {
      const page = await bucket.listObjectsV2({ Bucket: bucketName })
      return (page.Contents ?? []).map((object) => ({ key: object.Key!, size: object.Size! }))
    },
    stop,
    start,
    failWritesAfter(count) {
      writes = 0
      writesAllowed = count
    },
    writesLetThrough: () => writes,
    heal() {
      writesAllowed = Infinity
    },
    async close() {
      proxy.closeAllConnections()
      await new Promise((resolve) => proxy.close(resolve))
      await stop()
      bucket.destroy()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
