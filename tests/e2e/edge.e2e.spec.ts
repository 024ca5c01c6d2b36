import { rmSync } from 'node:fs'
import path from 'node:path'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { type Answer, rawRequest, type RawRequestOptions } from '../support/rawRequest'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy'
import { createArticle, createUser, editorHeaders, headersOf, section } from './api'
import { EDITOR, expect, REFERENCE, test } from './fixtures'
import { AdminPage } from './pages/AdminPage'
import { readerAddress } from './pages/Comments'

// The shipped Varnish (deploy/varnish/default.vcl) in front of the test server, through a TCP
// proxy the tests can cut to take the app away.
let app: TcpProxy
let edge: Edge
let workDir: string

test.beforeAll(async () => {
  const backend = new URL(process.env.E2E_BASE_URL!)
  app = await startTcpProxy({ host: backend.hostname, port: Number(backend.port) })
  workDir = path.join('.data', `e2e-varnish-${Date.now().toString(36)}`)
  edge = await startEdge({
    // The port the test server purges (PURGE_URLS, tests/e2e/globalSetup.ts).
    listenPort: Number(process.env.E2E_EDGE_PORT),
    backendHost: '127.0.0.1',
    backendPort: app.port,
    workDir: path.resolve(workDir),
  })
})

test.afterAll(async () => {
  await edge?.stop()
  await app?.close()
  rmSync(workDir, { recursive: true, force: true })
})

/** A raw request to the proxy, from `from` (a loopback address), with exactly these headers. */
function viaEdge(target: string, options: RawRequestOptions = {}): Promise<Answer> {
  return rawRequest(edge.port, target, options)
}

test('a reader’s second view is served by the proxy, whatever cookies or tracking parameters they bring', async ({
  request,
}) => {
  // The app labels the page with the keys of what it shows; the proxy keeps them to itself.
  const direct = await request.get(REFERENCE.path)
  expect(direct.headers()['xkey']?.split(' ')).toEqual(
    expect.arrayContaining([`article-page:${REFERENCE.path}`, 'desks', `path:${REFERENCE.path}`]),
  )
  expect(direct.headers()['surrogate-control']).toBe('max-age=3600')
  const first = await viaEdge(REFERENCE.path)
  expect(first.status).toBe(200)
  expect(first.body).toContain('Ren Zhengfei')
  const again = await viaEdge(`${REFERENCE.path}?utm_source=newsletter&x=${Math.random()}`, {
    headers: { Cookie: 'theme=dark; _ga=GA1.2.3' },
  })
  expect(again.status).toBe(200)
  expect(again.headers['x-cache']).toMatch(/^HIT/)
  // The long lifetime stays in the proxy: browsers and any CDN beyond it ask again.
  expect(again.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
  expect(again.headers['set-cookie']).toBeUndefined()
  expect(again.headers['xkey']).toBeUndefined()
  expect(again.headers['surrogate-control']).toBeUndefined()
})

test('the proxy keeps one gzip copy and one plain copy, each served to the clients that can read it', async () => {
  const gzipped = await viaEdge(REFERENCE.path, { headers: { 'Accept-Encoding': 'gzip, br' } })
  expect(gzipped.headers['content-encoding']).toBe('gzip')
  const plain = await viaEdge(REFERENCE.path, { headers: {} })
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body).toContain('Ren Zhengfei')
})

test('build files keep their year-long lifetime, and images, the icon and pages are stored by the proxy', async () => {
  const page = await viaEdge(REFERENCE.path)
  const script = page.body.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1]
  const image = page.body.match(/src="(\/api\/media\/file\/[^"]+)"/)?.[1]
  expect(script, 'a script on the article page').toMatch(/^\/_next\/static\/.+\.js$/)
  expect(image, 'the hero image on the article page').toMatch(/^\/api\/media\/file\/.+\.\w+$/)
  for (const path of [script!, image!, '/favicon.ico']) {
    const first = await viaEdge(path, { headers: { Cookie: '_ga=GA1.2.3' } })
    expect(first.status, path).toBe(200)
    expect((await viaEdge(path)).headers['x-cache'], path).toBe('HIT')
  }
  expect((await viaEdge(script!)).headers['cache-control']).toContain('immutable')
  expect((await viaEdge('/favicon.ico')).headers['content-type']).toMatch(/image/)
})

test('a logged-in editor gets the admin and pages fresh from the app, and readers never get the editor’s copy', async ({
  request,
}) => {
  const login = await request.post('/api/users/login', { data: EDITOR })
  const token = (await login.json()).token as string
  const cookie = `payload-token=${token}`
  const admin = await viaEdge('/admin', { headers: { Cookie: cookie } })
  expect(admin.headers['x-cache']).toBe('PASS')
  // A page no reader has asked for yet, seen first by the editor:
  const fresh = `/world?page=1&editor=${Date.now()}`
  const editorView = await viaEdge(fresh, { headers: { Cookie: cookie } })
  expect(editorView.headers['x-cache']).toBe('PASS')
  // As the admin's own request from the browser: the login cookie counts only on a request a
  // browser marks as coming from the site itself (Payload's csrf, payload.config.ts).
  const api = await viaEdge('/api/users/me', {
    headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' },
  })
  expect(api.headers['x-cache']).toBe('PASS')
  expect(api.body).toContain(EDITOR.email)
  // The reader's request for the same page is not answered from the editor's response.
  const readerView = await viaEdge('/world?page=1')
  expect(readerView.headers['x-cache']).not.toBe('PASS')
  expect(readerView.body).not.toContain(EDITOR.email)
})

const edgeUrl = () => `http://127.0.0.1:${edge.port}`

test('presence goes through the proxy fresh every time: two editors heartbeating on one story see each other', async ({
  request,
}) => {
  const headers = await editorHeaders(request)
  const { articleId } = await createArticle(request, headers, {
    headline: `Presence through the proxy ${Date.now().toString(36)}`,
  })
  const other = await createUser(request, 'editor', 'edge-presence', 'Edge Colleague')
  const otherHeaders = await headersOf(request, other)
  const beat = (auth: Record<string, string>, session: string) =>
    viaEdge(`/api/articles/${articleId}/presence`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ session, section: null }),
    })
  const mine = crypto.randomUUID()
  const theirs = crypto.randomUUID()
  expect((await beat(headers, mine)).status).toBe(200)
  const seen = await beat(otherHeaders, theirs)
  expect(seen.headers['x-cache']).toBe('PASS')
  expect(seen.headers['cache-control']).toBe('no-store, private')
  expect(JSON.parse(seen.body).others.map((o: { name: string }) => o.name)).toEqual(['Editor'])
  // The same request again is answered by the app, not from a copy: the colleague is there now.
  const again = await beat(headers, mine)
  expect(again.headers['x-cache']).toBe('PASS')
  expect(JSON.parse(again.body).others.map((o: { name: string }) => o.name)).toEqual([
    'Edge Colleague',
  ])
})

test('an editor publishes a new headline in the admin; readers see it through the proxy on the article, its desk, the home page and the feed', async ({
  browser,
  request,
}) => {
  const headers = await editorHeaders(request)
  const stamp = Date.now().toString(36)
  const headline = `Harbour reopens ${stamp}`
  const { articleId, path: articlePath } = await createArticle(request, headers, { headline })
  const surfaces = [articlePath, '/world', '/', '/feeds/rss.xml']
  for (const surface of surfaces) {
    await expect.poll(async () => (await viaEdge(surface)).body).toContain(headline)
    // Stored: the proxy answers without asking the app.
    expect((await viaEdge(surface)).headers['x-cache']).toBe('HIT')
  }

  const editor = await browser.newContext({ baseURL: edgeUrl() })
  const admin = new AdminPage(await editor.newPage())
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open(`/admin/collections/articles/${articleId}`)
  const revised = `Harbour reopens after the storm ${stamp}`
  await admin.page.getByLabel('Headline').fill(revised)
  expect((await admin.publish()).ok()).toBe(true)
  await editor.close()

  const reader = await browser.newContext({ baseURL: edgeUrl() })
  const page = await reader.newPage()
  await expect(async () => {
    await page.goto(articlePath)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(revised)
  }).toPass({ timeout: 10_000 })
  await reader.close()
  // The page an hour's lifetime would otherwise keep was purged by its keys, and so were the lists.
  for (const surface of surfaces) {
    await expect.poll(async () => (await viaEdge(surface)).body).toContain(revised)
  }
  expect((await viaEdge(articlePath)).headers['x-cache']).toMatch(/^HIT/)
})

test('an approved comment appears under the article through the proxy', async ({ request }) => {
  const headers = await editorHeaders(request)
  const { articleId, path: articlePath } = await createArticle(request, headers, {
    headline: `Ferry timetable ${Date.now().toString(36)}`,
  })
  expect((await viaEdge(articlePath)).status).toBe(200)
  expect((await viaEdge(articlePath)).headers['x-cache']).toBe('HIT')
  const { token } = await (await request.get(`/next/comments/token?article=${articleId}`)).json()
  const text = `The early sailing suits commuters ${Date.now().toString(36)}`
  const posted = await request.post(`${edgeUrl()}/next/comments`, {
    headers: { 'x-forwarded-for': readerAddress() },
    data: {
      article: articleId,
      name: 'Island reader',
      email: 'isle@example.com',
      body: text,
      token,
    },
  })
  expect(posted.status()).toBe(201)
  // Waiting for moderation: not on the page.
  expect((await viaEdge(articlePath)).body).not.toContain(text)
  const { id } = await posted.json()
  const approved = await request.patch(`/api/comments/${id}`, {
    headers,
    data: { status: 'approved' },
  })
  expect(approved.ok()).toBe(true)
  await expect.poll(async () => (await viaEdge(articlePath)).body).toContain(text)
})

test('an editor’s draft preview comes fresh through the proxy and never reaches readers', async ({
  browser,
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Council budget ${Date.now().toString(36)}`
  const { articleId, path: articlePath } = await createArticle(request, headers, {
    headline,
    body: [section('Figures')],
  })
  expect((await viaEdge(articlePath)).body).toContain(headline)
  const draft = `${headline} (draft rewrite)`
  const saved = await request.patch(`/api/articles/${articleId}?draft=true`, {
    headers,
    data: { headline: draft, _status: 'draft' },
  })
  expect(saved.ok()).toBe(true)

  const editor = await browser.newContext({ baseURL: edgeUrl() })
  const admin = new AdminPage(await editor.newPage())
  await admin.login(EDITOR.email, EDITOR.password)
  const page = admin.page
  const previewed = page.waitForResponse((response) => response.url().endsWith(articlePath))
  await page.goto(`/next/preview?path=${encodeURIComponent(articlePath)}`)
  expect((await previewed).headers()['x-cache']).toBe('PASS')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft)
  await editor.close()

  const reader = await viaEdge(articlePath)
  expect(reader.body).toContain(headline)
  expect(reader.body).not.toContain('draft rewrite')
})

test('only the app may purge: a PURGE from any other address is refused', async () => {
  const outsider = await viaEdge(REFERENCE.path, { method: 'PURGE', from: '127.0.0.9' })
  expect(outsider.status).toBe(403)
  const byKey = await viaEdge('/', {
    method: 'PURGE',
    headers: { 'X-Purge-Keys': 'desks article-lists' },
    from: '127.0.0.9',
  })
  expect(byKey.status).toBe(403)
  expect((await viaEdge(REFERENCE.path)).status).toBe(200)
  const app = await viaEdge(REFERENCE.path, { method: 'PURGE', from: '127.0.0.1' })
  expect(app.status).toBe(200)
})

test('a reader’s own X-Request-Id is not believed through the proxy: every request gets the proxy’s id', async () => {
  const forged = `forged-${Date.now()}`
  const api = await viaEdge('/api/health', { headers: { 'X-Request-Id': forged } })
  expect(api.status).toBe(200)
  expect(api.headers['x-request-id']).toMatch(/^varnish-\S+-\d+$/)
  // A stored page carries the id of the fetch that stored it; each reader is told their own.
  const first = await viaEdge(REFERENCE.path, { headers: { 'X-Request-Id': forged } })
  const second = await viaEdge(REFERENCE.path, { headers: { 'X-Request-Id': forged } })
  expect(second.headers['x-cache']).toMatch(/^HIT/)
  for (const answer of [first, second]) {
    expect(answer.headers['x-request-id']).toMatch(/^varnish-\S+-\d+$/)
  }
  expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id'])
})

test('readiness, which names the database’s errors, is not for readers through the proxy', async () => {
  const reader = await viaEdge('/api/ready', { from: '127.0.0.9' })
  expect(reader.status).toBe(404)
  expect(reader.body).not.toMatch(/migrations|database|sharedCache/)
  // The app's own host (the orchestrator asks each replica directly) still gets it.
  const local = await viaEdge('/api/ready', { from: '127.0.0.1' })
  expect(local.status).toBe(200)
  expect(JSON.parse(local.body)).toMatchObject({ ready: true })
})

test('with the app unreachable, pages readers have seen are still served, even once purged, and the app comes back by itself', async () => {
  const seen = '/technology'
  expect((await viaEdge(seen)).status).toBe(200)
  await app.cut()
  try {
    expect((await viaEdge(seen)).headers['x-cache']).toBe('HIT')
    // A change purges the page while the app is away: readers still get it, from grace.
    const purged = await viaEdge('/', { method: 'PURGE', headers: { 'X-Purge-Keys': 'desks' } })
    expect(purged.status).toBe(200)
    const stale = await viaEdge(seen)
    expect(`${stale.status} ${stale.headers['x-cache']}`).toBe('200 HIT-STALE')
    expect(stale.body).toContain('Technology')
    const never = await viaEdge(`/no-such-desk-${Date.now().toString(36)}`)
    expect(never.status).toBe(503)
    expect(never.headers['retry-after']).toBe('30')
    expect(never.body).toContain('We’ll be right back')
  } finally {
    await app.restore()
  }
  await expect.poll(async () => (await viaEdge(seen)).headers['x-cache']).toBe('HIT')
})
