import path from 'node:path'

import { type AppServer, countFiles, startAppServer } from '../support/appServer'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy'
import { expect, REFERENCE, test } from './fixtures'

let proxy: TcpProxy
let app: AppServer

// A second server on a copy of the build, whose database connection runs through a proxy we control.
test.beforeAll(async () => {
  const database = new URL(process.env.E2E_DATABASE_URL!)
  proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) })
  database.hostname = '127.0.0.1'
  database.port = String(proxy.port)
  // This server measures what a reader's view sends to the database; the redirect lookup each
  // address gets once a second (src/redirects/resolve.ts), which a loaded machine's five views
  // can straddle, is not that.
  app = await startAppServer('cache', database.toString(), { REDIRECT_CACHE_SECONDS: '600' })
})

test.afterAll(async () => {
  await app?.stop()
  await proxy?.close()
})

test('a cached article view sends nothing to the database', async ({ request }) => {
  expect((await request.get(`${app.url}${REFERENCE.path}`)).status()).toBe(200)
  const before = proxy.bytesToDatabase()
  for (let view = 0; view < 5; view += 1) {
    const response = await request.get(`${app.url}${REFERENCE.path}`)
    expect(response.status()).toBe(200)
    expect(response.headers()['x-nextjs-cache']).toBe('HIT')
  }
  expect(proxy.bytesToDatabase()).toBe(before)

  // The proxy does carry the app's queries: an unknown article is looked up.
  expect((await request.get(`${app.url}/technology/not-cached-${Date.now()}`)).status()).toBe(404)
  expect(proxy.bytesToDatabase()).toBeGreaterThan(before)
})

test('addresses nobody published leave nothing in the caches, however many are asked for', async ({
  request,
}) => {
  const unknown = (n: number) => {
    const stamp = `${Date.now().toString(36)}-${n}`
    return [
      `/business/no-such-article-${stamp}`,
      `/no-such-desk-${stamp}/an-article`,
      `/no-such-desk-${stamp}`,
      `/feeds/no-such-desk-${stamp}/rss.xml`,
      `/og/business/no-such-article-${stamp}`,
      `/tags/no-such-topic-${stamp}`,
      `/authors/no-such-byline-${stamp}`,
      `/technology?page=${1000 + n}`,
    ]
  }
  const caches = () => ({
    pages: countFiles(path.join(app.distDir, 'server', 'route-cache')),
    data: countFiles(path.join(app.distDir, 'cache', 'fetch-cache')),
  })
  // Once of each kind first: what they share (the desk list, page 1 of a desk) may be cached.
  for (const address of unknown(0)) {
    expect((await request.get(`${app.url}${address}`)).status(), address).toBe(404)
  }
  const before = caches()

  for (let n = 1; n <= 20; n += 1) {
    for (const address of unknown(n)) {
      expect((await request.get(`${app.url}${address}`)).status(), address).toBe(404)
    }
  }
  expect(caches()).toEqual(before)
})

test('with the database unreachable, cached pages are still served, and the server recovers', async ({
  request,
}) => {
  for (const path of [REFERENCE.path, '/technology']) {
    expect((await request.get(`${app.url}${path}`)).status()).toBe(200)
  }
  await proxy.cut()

  for (const path of [REFERENCE.path, '/technology']) {
    const response = await request.get(`${app.url}${path}`)
    expect(response.status(), path).toBe(200)
  }
  expect(await (await request.get(`${app.url}${REFERENCE.path}`)).text()).toContain(
    REFERENCE.headline,
  )
  expect(app.exitCode(), app.output()).toBeNull()

  await proxy.restore()
  await expect
    .poll(
      async () => (await request.get(`${app.url}/technology/recovered-${Date.now()}`)).status(),
      { timeout: 20_000 },
    )
    .toBe(404)
  expect((await request.get(`${app.url}${REFERENCE.path}`)).status()).toBe(200)
})
