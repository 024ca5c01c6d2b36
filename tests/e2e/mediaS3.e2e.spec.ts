import sharp from 'sharp'

import { type AppServer, startAppServer } from '../support/appServer'
import { startS3Server, S3_CREDENTIALS, type S3Server } from '../support/s3Server'
import { createArticle, headersOf } from './api'
import { EDITOR, expect, test } from './fixtures'

/**
 * The production server with its images in a real S3-compatible server: an
 * image uploaded over HTTP lands in the bucket with every size, the reader's
 * page shows it (the browser loads it through the app), and a delete empties
 * the bucket of it.
 */
let s3: S3Server
let app: AppServer

test.describe.configure({ mode: 'serial' })
test.setTimeout(180_000)

test.beforeAll(async () => {
  s3 = await startS3Server()
  app = await startAppServer('media-s3', process.env.E2E_DATABASE_URL!, {
    S3_BUCKET: s3.bucketName,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
  })
})

test.afterAll(async () => {
  await app?.stop()
  await s3?.close()
})

test('an image kept in S3 shows on the reader page, every size from the bucket, and a delete removes them all', async ({
  page,
  playwright,
}) => {
  const request = await playwright.request.newContext({ baseURL: app.url })
  const headers = await headersOf(request, EDITOR)
  const stamp = Date.now().toString(36)
  const png = await sharp({
    create: { width: 2200, height: 1400, channels: 3, background: '#357' },
  })
    .png()
    .toBuffer()
  const alt = `The harbour from the bucket ${stamp}`
  const uploaded = await request.post('/api/media', {
    headers,
    multipart: {
      file: { name: `harbour-${stamp}.png`, mimeType: 'image/png', buffer: png },
      _payload: JSON.stringify({ alt }),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const { doc } = (await uploaded.json()) as {
    doc: { id: number; filename: string; sizes: Record<string, { filename: string }> }
  }
  const names = [doc.filename, ...Object.values(doc.sizes).map((size) => size.filename)]
  const inBucket = (await s3.list()).map((object) => object.key)
  expect(names.filter((name) => inBucket.includes(name))).toEqual(names)

  const { path } = await createArticle(request, headers, {
    headline: `Harbour in the bucket ${stamp}`,
    heroImage: doc.id,
  })
  const served: string[] = []
  page.on('response', (response) => {
    if (response.url().includes('/api/media/file/') && response.ok()) served.push(response.url())
  })
  await page.goto(`${app.url}${path}`)
  const hero = page.getByRole('img', { name: alt, exact: true })
  await expect(hero).toBeVisible()
  await expect
    .poll(() => hero.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0)
  expect(served.some((url) => names.some((name) => url.endsWith(`/api/media/file/${name}`)))).toBe(
    true,
  )

  const deleted = await request.delete(`/api/media/${doc.id}`, { headers })
  expect(deleted.status(), await deleted.text()).toBe(200)
  const left = (await s3.list()).map((object) => object.key)
  expect(names.filter((name) => left.includes(name))).toEqual([])
  await request.dispose()
})
