import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { Media } from '@/payload-types'

import { startS3Server, S3_CREDENTIALS, type S3Server } from '../support/s3Server'

/**
 * With S3_PUBLIC_URL, readers' pages point straight at the bucket (or the CDN
 * in front of it), every size included, and the pages' policy lets those
 * images load; the app still serves the same files at its own URLs.
 */
let s3: S3Server
let payload: Payload
let publicUrl: string

beforeAll(async () => {
  s3 = await startS3Server()
  publicUrl = `${s3.endpoint}/${s3.bucketName}`
  Object.assign(process.env, {
    S3_BUCKET: s3.bucketName,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
    S3_PUBLIC_URL: `${publicUrl}/`,
  })
  payload = await (await import('../support/payload')).testPayload()
}, 120_000)

afterAll(async () => {
  await s3?.close()
})

it('points readers at S3_PUBLIC_URL for the original and every size, and allows that origin for images', async () => {
  const { rest } = await import('../support/rest')
  const { htmlPolicy } = await import('@/server/contentSecurityPolicy')
  const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#246' } })
    .png()
    .toBuffer()

  const doc = (await payload.create({
    collection: 'media',
    data: { alt: 'A public picture' },
    file: { data, name: 'public-picture.png', mimetype: 'image/png', size: data.length },
  })) as Media

  expect(doc.url).toBe(`${publicUrl}/public-picture.webp`)
  expect(doc.sizes?.thumbnail?.url).toBe(`${publicUrl}/public-picture-400x267.webp`)
  const fromBucket = await fetch(doc.sizes!.thumbnail!.url!)
  expect(fromBucket.status).toBe(200)
  expect((await sharp(Buffer.from(await fromBucket.arrayBuffer())).metadata()).width).toBe(400)
  // The app's own URL serves the same file (an old page, the proxy).
  const fromApp = await rest('GET', `media/file/${doc.filename}`)
  expect(fromApp.status).toBe(200)

  // A name is one path segment of the public URL, however it is spelled.
  const { publicFileUrl } = await import('@/uploads/storage')
  expect(publicFileUrl(publicUrl, 'a photo #1.webp')).toBe(`${publicUrl}/a%20photo%20%231.webp`)

  const imgSrc = htmlPolicy('reader', '<p>page</p>')
    .split('; ')
    .find((directive) => directive.startsWith('img-src'))
  expect(imgSrc).toBe(`img-src 'self' data: blob: ${new URL(publicUrl).origin}`)

  await payload.delete({ collection: 'media', id: doc.id })
  expect((await s3.list()).map((object) => object.key)).toEqual([])
})
