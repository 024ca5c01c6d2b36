import http from 'node:http'
import { rmSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import sharp from 'sharp'

import { pathKey } from '../../src/edge/keys'
import { type Edge, startEdge } from '../../src/edge/varnish'
import { freePort } from '../../src/scripts/net'
import { rawRequest } from '../support/rawRequest'
import { createArticle, editorHeaders, SAME_ORIGIN, schedule, section } from './api'
import { expect, test } from './fixtures'

/*
 * Changes that reach readers through the shipped Varnish, with the purges
 * watched on their way: the server purges E2E_EDGE_PORT, where this file puts
 * a recorder that notes, from a database connection of its own, whether the
 * watched article is live when each purge arrives, then hands the request to
 * Varnish.
 */

test.setTimeout(150_000)

let edge: Edge
let recorder: http.Server
let observer: pg.Client
let workDir: string
let watched = 0
const purges: { keys: string; status: string | null }[] = []

test.beforeAll(async () => {
  const backend = new URL(process.env.E2E_BASE_URL!)
  workDir = path.resolve('.data', `e2e-varnish-changes-${Date.now().toString(36)}`)
  edge = await startEdge({
    listenPort: await freePort(),
    backendHost: '127.0.0.1',
    backendPort: Number(backend.port),
    workDir,
  })
  observer = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await observer.connect()
  recorder = http.createServer(async (request, response) => {
    if (request.method === 'PURGE') {
      const { rows } = await observer.query<{ status: string }>(
        'select _status as status from articles where id = $1',
        [watched],
      )
      purges.push({
        keys: String(request.headers['x-purge-keys'] ?? ''),
        status: rows[0]?.status ?? null,
      })
    }
    const onward = http.request(
      {
        host: '127.0.0.1',
        port: edge.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      },
    )
    onward.on('error', () => response.destroy())
    request.pipe(onward)
  })
  await new Promise<void>((resolve) =>
    recorder.listen(Number(process.env.E2E_EDGE_PORT), '127.0.0.1', resolve),
  )
})

test.afterAll(async () => {
  await new Promise((resolve) => recorder?.close(resolve))
  await observer?.end()
  await edge?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

const viaEdge = (target: string) => rawRequest(edge.port, target)

test('a scheduled article goes live through the proxy: its page, its desk, and purged only once it is live', async ({
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Ferry timetable restored ${Date.now().toString(36)}`
  const { articleId, path: page } = await createArticle(request, headers, {
    headline,
    _status: 'draft',
  })
  watched = articleId
  // Readers have been to the desk already: the proxy holds it, for an hour unless purged.
  await viaEdge('/world')
  expect((await viaEdge('/world')).headers['x-cache']).toMatch(/^HIT/)
  expect((await viaEdge('/world')).body).not.toContain(headline)

  await schedule(request, headers, articleId, new Date(Date.now() + 3_000))

  await expect.poll(async () => (await viaEdge(page)).status, { timeout: 60_000 }).toBe(200)
  await expect
    .poll(async () => (await viaEdge('/world')).body, { timeout: 20_000 })
    .toContain(headline)
  // The desk's copy the proxy now keeps is the new one.
  const stored = await viaEdge('/world')
  expect(stored.headers['x-cache']).toMatch(/^HIT/)
  expect(stored.body).toContain(headline)
  const forArticle = purges.filter((purge) => purge.keys.includes(`article-page:${page}`))
  expect(forArticle.length).toBeGreaterThan(0)
  for (const purge of forArticle) expect(purge.status).toBe('published')
})

test('a page names the images it shows among its keys, and a change to an image inside the text purges it', async ({
  request,
}) => {
  const headers = await editorHeaders(request)
  const stamp = Date.now().toString(36)
  const png = await sharp({
    create: { width: 640, height: 400, channels: 3, background: { r: 140, g: 90, b: 40 } },
  })
    .png()
    .toBuffer()
  const uploaded = await request.post('/api/media', {
    headers: { ...headers, ...SAME_ORIGIN },
    multipart: {
      file: { name: `quay-${stamp}.png`, mimeType: 'image/png', buffer: png },
      _payload: JSON.stringify({ alt: `The quay ${stamp}`, caption: `Before ${stamp}` }),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const { doc: image } = (await uploaded.json()) as { doc: { id: number; filename: string } }
  const text = section('Scene', 'The quay before the ferry.')
  text.content.root.children.push({
    type: 'upload',
    relationTo: 'media',
    value: image.id,
    fields: null,
    format: '',
    version: 3,
  })
  const { path: page } = await createArticle(request, headers, {
    headline: `Quay ${stamp}`,
    body: [text],
  })

  const direct = await request.get(page)
  expect(direct.headers()['xkey']?.split(' ')).toContain(
    pathKey(`/api/media/file/${encodeURIComponent(image.filename)}`),
  )
  expect((await viaEdge(page)).body).toContain(`Before ${stamp}`)
  expect((await viaEdge(page)).headers['x-cache']).toMatch(/^HIT/)

  const changed = await request.patch(`/api/media/${image.id}`, {
    headers,
    data: { caption: `After ${stamp}` },
  })
  expect(changed.ok(), await changed.text()).toBe(true)
  await expect
    .poll(async () => (await viaEdge(page)).body, { timeout: 20_000 })
    .toContain(`After ${stamp}`)
})
