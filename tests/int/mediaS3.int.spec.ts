import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBackup } from '@/operations/backup/backup'
import { MEDIA_LISTING_FILE } from '@/operations/backup/manifest'
import type { Media } from '@/payload-types'

import { startS3Server, S3_CREDENTIALS, type S3Server } from '../support/s3Server'

/**
 * Images in a real S3-compatible server (s3rver): the original and its four
 * sizes go to the bucket, readers get them through the app's usual URLs, a
 * delete empties the bucket of them, and a bucket that stops answering, before
 * or half-way through an upload, leaves neither a row nor a file behind.
 */
let s3: S3Server
let payload: Payload
let token: string
let rest: typeof import('../support/rest')
let listMediaObjects: typeof import('@/uploads/listMediaObjects').listMediaObjects
let unique: (label: string) => string

beforeAll(async () => {
  s3 = await startS3Server()
  // The config reads these once, when it is first imported: after the server is up.
  Object.assign(process.env, {
    S3_BUCKET: s3.bucketName,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
  })
  const factories = await import('../support/factories')
  rest = await import('../support/rest')
  ;({ listMediaObjects } = await import('@/uploads/listMediaObjects'))
  unique = factories.unique
  payload = await (await import('../support/payload')).testPayload()
  const editor = await factories.createUser(payload, 'editor')
  token = await rest.logIn(editor.email)
}, 120_000)

afterAll(async () => {
  await s3?.close()
})

async function photo(): Promise<Buffer> {
  // Noise, so that every size is a distinct file of its own bytes.
  const width = 2400
  const height = 1600
  const pixels = Buffer.alloc(width * height * 3)
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = (index * 7919) % 251
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
}

function uploadPhoto(data: Buffer, name: string, alt: string) {
  return rest.upload('media', { data, name, type: 'image/png' }, { alt }, token)
}

async function mediaWithAlt(alt: string) {
  return (await payload.find({ collection: 'media', where: { alt: { equals: alt } } })).docs
}

function fileNames(doc: Media): string[] {
  return [doc.filename!, ...Object.values(doc.sizes ?? {}).map((size) => size!.filename!)]
}

async function keysStartingWith(stem: string) {
  return (await s3.list()).map((object) => object.key).filter((key) => key.startsWith(stem))
}

async function errorMessage(response: Response) {
  return ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message
}

describe('images in an S3 bucket', () => {
  it('stores the original and every size in the bucket, serves them to readers, and deletes them all', async () => {
    const alt = unique('bucket photo')
    const response = await uploadPhoto(await photo(), 'harbour-at-dawn.png', alt)
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Media }

    // Readers' URLs are the app's, as with images on disk (so the proxy caches them).
    expect(doc.url).toBe(`/api/media/file/${doc.filename}`)
    expect(Object.keys(doc.sizes ?? {}).sort()).toEqual(['card', 'feature', 'thumbnail', 'wide'])
    const names = fileNames(doc)
    expect(new Set(names).size).toBe(5)

    const stored = new Map((await s3.list()).map((object) => [object.key, object.size]))
    expect(stored.get(doc.filename!)).toBe(doc.filesize)
    for (const size of Object.values(doc.sizes ?? {})) {
      expect(stored.get(size!.filename!)).toBe(size!.filesize)
    }
    // Nothing of it on the app's disk.
    for (const name of names) {
      expect(existsSync(path.resolve(process.env.MEDIA_DIR!, name))).toBe(false)
    }

    // A reader (no login) gets each file through the app, byte for byte what the bucket holds.
    for (const [name, width] of [
      [doc.filename!, doc.width!],
      [doc.sizes!.card!.filename!, 768],
      [doc.sizes!.thumbnail!.filename!, 400],
    ] as const) {
      const served = await rest.rest('GET', `media/file/${name}`)
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/webp')
      const bytes = Buffer.from(await served.arrayBuffer())
      const object = await s3.bucket.getObject({ Bucket: s3.bucketName, Key: name })
      expect(bytes.equals(Buffer.from(await object.Body!.transformToByteArray()))).toBe(true)
      expect((await sharp(bytes).metadata()).width).toBe(width)
    }

    // The backup's listing names every file with its size, in the listing and in a real backup.
    const listed = await listMediaObjects()
    const backupDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-s3-backup-'))
    try {
      const { file, manifest } = await createBackup({
        databaseUrl: process.env.DATABASE_URL!,
        mediaDir: process.env.MEDIA_DIR ?? '.data/media',
        backupDir,
      })
      expect(manifest.media).toEqual({ kind: 's3-listing', objects: listed.length })
      const inBackup = JSON.parse(
        execFileSync('tar', ['-xOf', file, MEDIA_LISTING_FILE], { encoding: 'utf8' }),
      ) as unknown
      for (const name of names) {
        expect(listed).toContainEqual({ key: name, size: stored.get(name) })
        expect(inBackup).toContainEqual({ key: name, size: stored.get(name) })
      }
    } finally {
      rmSync(backupDir, { recursive: true, force: true })
    }

    const deleted = await rest.rest('DELETE', `media/${doc.id}`, undefined, token)
    expect(deleted.status).toBe(200)
    const left = new Set((await s3.list()).map((object) => object.key))
    expect(names.filter((name) => left.has(name))).toEqual([])
    expect((await rest.rest('GET', `media/file/${doc.filename}`)).status).toBe(404)
  })

  it('answers a reader 404 for an image that does not exist', async () => {
    const response = await rest.rest('GET', 'media/file/no-such-image.webp')
    expect(response.status).toBe(404)
  })

  it('refuses an upload with 503 and a sentence when the bucket is stopped, keeping no row and no file', async () => {
    const alt = unique('stopped bucket')
    await s3.stop()
    try {
      const response = await uploadPhoto(await photo(), 'stopped-bucket.png', alt)
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('30')
      expect(await errorMessage(response)).toContain(
        'The image store (S3) did not answer, so the image was not saved',
      )
    } finally {
      await s3.start()
    }
    expect(await mediaWithAlt(alt)).toHaveLength(0)
    expect(await keysStartingWith('stopped-bucket')).toEqual([])
  })

  it('removes the files already written when the bucket dies half-way through an upload', async () => {
    const alt = unique('half-written')
    s3.failWritesAfter(2)
    let written: number
    try {
      const response = await uploadPhoto(await photo(), 'half-written.png', alt)
      written = s3.writesLetThrough()
      expect(response.status).toBe(503)
      expect(await errorMessage(response)).toContain('nothing was kept')
    } finally {
      s3.heal()
    }
    // Two of the five files did reach the bucket before it failed…
    expect(written).toBe(2)
    // …and neither they nor a row are left.
    expect(await mediaWithAlt(alt)).toHaveLength(0)
    expect(await keysStartingWith('half-written')).toEqual([])
  })

  it('refuses to delete an image while the bucket is stopped, so its files are not orphaned', async () => {
    const alt = unique('kept while down')
    const response = await uploadPhoto(await photo(), 'kept-while-down.png', alt)
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Media }

    await s3.stop()
    try {
      const refused = await rest.rest('DELETE', `media/${doc.id}`, undefined, token)
      expect(refused.status).toBe(503)
      expect(await errorMessage(refused)).toContain('so the image was not deleted')
      // A reader asking for it meanwhile is told to come back, not shown a server error.
      const served = await rest.rest('GET', `media/file/${doc.filename}`)
      expect(served.status).toBe(503)
      expect(served.headers.get('cache-control')).toBe('no-store')
    } finally {
      await s3.start()
    }
    expect(await mediaWithAlt(alt)).toHaveLength(1)
    expect(await keysStartingWith('kept-while-down')).toHaveLength(5)

    expect((await rest.rest('DELETE', `media/${doc.id}`, undefined, token)).status).toBe(200)
    expect(await keysStartingWith('kept-while-down')).toEqual([])
  })

  it('names what the store answered when the settings are wrong (no such bucket), keeping nothing', async () => {
    const alt = unique('no bucket')
    expect(await s3.list()).toEqual([])
    await s3.bucket.deleteBucket({ Bucket: s3.bucketName })
    try {
      const response = await uploadPhoto(await photo(), 'no-bucket.png', alt)
      expect(response.status).toBe(503)
      expect(await errorMessage(response)).toContain(
        'The image store (S3) answered NoSuchBucket (check the S3_* settings), so the image was not saved',
      )
    } finally {
      await s3.bucket.createBucket({ Bucket: s3.bucketName })
    }
    expect(await mediaWithAlt(alt)).toHaveLength(0)
  })
})
