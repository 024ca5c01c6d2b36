import http from 'node:http'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { freePort } from '../../src/scripts/net'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy'
import { createArticle, editorHeaders } from './api'
import { EDITOR, expect, REFERENCE, test } from './fixtures'

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
    listenPort: await freePort(),
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

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw request to the proxy, from `from` (a loopback address), with exactly these headers. */
function viaEdge(
  target: string,
  {
    method = 'GET',
    headers = {},
    from,
  }: { method?: string; headers?: Record<string, string>; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: edge.port, path: target, method, headers, localAddress: from },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    request.on('error', reject)
    request.end()
  })
}

test('a reader’s second view is served by the proxy, whatever cookies or tracking parameters they bring', async () => {
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
})

test('the proxy keeps one gzip copy and one plain copy, each served to the clients that can read it', async () => {
  const gzipped = await viaEdge(REFERENCE.path, { headers: { 'Accept-Encoding': 'gzip, br' } })
  expect(gzipped.headers['content-encoding']).toBe('gzip')
  const plain = await viaEdge(REFERENCE.path, { headers: {} })
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.body).toContain('Ren Zhengfei')
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
  const api = await viaEdge('/api/users/me', { headers: { Cookie: cookie } })
  expect(api.headers['x-cache']).toBe('PASS')
  expect(api.body).toContain(EDITOR.email)
  // The reader's request for the same page is not answered from the editor's response.
  const readerView = await viaEdge('/world?page=1')
  expect(readerView.headers['x-cache']).not.toBe('PASS')
  expect(readerView.body).not.toContain(EDITOR.email)
})

test('an editor’s headline change reaches readers through the proxy within seconds', async ({
  request,
}) => {
  const headers = await editorHeaders(request)
  const stamp = Date.now().toString(36)
  const { articleId, path: articlePath } = await createArticle(request, headers, {
    headline: `Harbour reopens ${stamp}`,
  })
  await expect
    .poll(async () => (await viaEdge(articlePath)).body)
    .toContain(`Harbour reopens ${stamp}`)
  const patched = await request.patch(`/api/articles/${articleId}`, {
    headers,
    data: { headline: `Harbour reopens after storm ${stamp}` },
  })
  expect(patched.ok()).toBe(true)
  await expect
    .poll(async () => (await viaEdge(articlePath)).body, { timeout: 10_000 })
    .toContain(`Harbour reopens after storm ${stamp}`)
})

test('only the app may purge: a PURGE from any other address is refused', async () => {
  const outsider = await viaEdge(REFERENCE.path, { method: 'PURGE', from: '127.0.0.9' })
  expect(outsider.status).toBe(403)
  expect((await viaEdge(REFERENCE.path)).status).toBe(200)
  const app = await viaEdge(REFERENCE.path, { method: 'PURGE', from: '127.0.0.1' })
  expect(app.status).toBe(200)
})

test('with the app unreachable, pages readers have seen are still served, and the app comes back by itself', async () => {
  const seen = '/technology'
  expect((await viaEdge(seen)).status).toBe(200)
  await app.cut()
  try {
    // Past the page's second in the proxy, it is served from grace, not an error.
    await expect
      .poll(async () => {
        const answer = await viaEdge(seen)
        return `${answer.status} ${answer.headers['x-cache']}`
      })
      .toBe('200 HIT-STALE')
    const never = await viaEdge(`/no-such-desk-${Date.now().toString(36)}`)
    expect(never.status).toBe(503)
    expect(never.headers['retry-after']).toBe('30')
    expect(never.body).toContain('We’ll be right back')
  } finally {
    await app.restore()
  }
  await expect.poll(async () => (await viaEdge('/world')).status).toBe(200)
})
