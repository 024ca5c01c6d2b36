import { rmSync } from 'node:fs'
import path from 'node:path'

import type { APIRequestContext } from '@playwright/test'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { freePort } from '../../src/scripts/net'
import { type AppServer, startAppServer } from '../support/appServer'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy'
import { createArticle, editorHeaders } from './api'
import { expect, REFERENCE, test } from './fixtures'
import { CommentsSection } from './pages/Comments'

// The readers' path of its own: Varnish (the shipped VCL) in front of a second app server, whose
// PostgreSQL is reached through a TCP proxy this file owns. Cutting the proxy is PostgreSQL
// stopping as the app sees it: open connections drop, new ones are refused; restoring it is the
// server coming back on the same address. (The shared database stays up for every other spec.)
let database: TcpProxy
let app: AppServer
let edge: Edge
let edgeUrl: string
let workDir: string
let fresh: { articleId: number; path: string; headline: string; word: string }
let unseen: { path: string; headline: string }

test.beforeAll(async ({ request }) => {
  const word = `lighthouse${Date.now().toString(36)}`
  const headline = `Harbour ${word} keeps its light on`
  const headers = await editorHeaders(request)
  fresh = { ...(await createArticle(request, headers, { headline })), headline, word }
  const other = `Ferry ${word} waits for the tide`
  unseen = {
    path: (await createArticle(request, headers, { headline: other })).path,
    headline: other,
  }
  const url = new URL(process.env.E2E_DATABASE_URL!)
  database = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) })
  url.hostname = '127.0.0.1'
  url.port = String(database.port)
  app = await startAppServer('outage', url.toString(), { COMMENT_MIN_SECONDS: '0' })
  workDir = path.resolve('.data', `e2e-varnish-outage-${Date.now().toString(36)}`)
  edge = await startEdge({
    listenPort: await freePort(),
    backendHost: '127.0.0.1',
    backendPort: app.port,
    workDir,
  })
  edgeUrl = `http://127.0.0.1:${edge.port}`
})

test.afterAll(async () => {
  await edge?.stop()
  await app?.stop()
  await database?.close()
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

async function expectUnavailable(
  request: APIRequestContext,
  url: string,
  words: string | RegExp,
  type = 'text/html',
) {
  const response = await request.get(url)
  expect(response.status(), url).toBe(503)
  expect(response.headers()['retry-after'], url).toBe('30')
  expect(response.headers()['content-type'], url).toContain(type)
  expect(await response.text(), url).toMatch(words)
}

test('with PostgreSQL stopped, readers get what the caches hold and a designed 503 for the rest; once it is back, all of it is fresh again', async ({
  browser,
  request,
}) => {
  for (const seen of [REFERENCE.path, '/technology']) {
    expect((await request.get(`${edgeUrl}${seen}`)).status(), seen).toBe(200)
  }
  const noScript = await browser.newPage({ baseURL: edgeUrl, javaScriptEnabled: false })
  const withScript = await browser.newPage({ baseURL: edgeUrl })
  // Written to be reflected back into a page: it must come back as text, to the letter.
  const comment = `Kept through the outage ${Date.now()} </textarea><script>x()</script> & "so"`
  const unknownSlug = `/business/no-such-article-${Date.now().toString(36)}`

  await database.cut()
  try {
    await test.step('pages readers have seen are served, through the proxy and by the app', async () => {
      for (const origin of [edgeUrl, app.url]) {
        const article = await request.get(`${origin}${REFERENCE.path}`)
        expect(article.status(), origin).toBe(200)
        expect(await article.text()).toContain(REFERENCE.headline)
        expect((await request.get(`${origin}/technology`)).status(), origin).toBe(200)
      }
    })

    await test.step('a page never rendered is the designed 503 page, with Retry-After', async () => {
      const response = await noScript.goto(fresh.path)
      expect(response?.status()).toBe(503)
      expect(response?.headers()['retry-after']).toBe('30')
      await expect(noScript.getByRole('heading', { name: 'We’ll be right back' })).toBeVisible()
      await expect(noScript.getByText('Pages you have read recently still work')).toBeVisible()
      await expectUnavailable(request, `${app.url}${fresh.path}`, /We’ll be right back/)
      // An unknown article in a real desk needs the database to tell; an unknown desk does not.
      await expectUnavailable(request, `${edgeUrl}${unknownSlug}`, /We’ll be right back/)
      const noDesk = await request.get(`${edgeUrl}/no-such-desk-${Date.now().toString(36)}/x`)
      expect(noDesk.status()).toBe(404)
    })

    await test.step('search, the comment token and the REST API answer 503 and say why', async () => {
      await expectUnavailable(request, `${edgeUrl}/search?q=${fresh.word}`, /Search is unavailable/)
      await expectUnavailable(
        request,
        `${edgeUrl}/next/comments/token?article=${fresh.articleId}`,
        /Comments cannot be taken right now/,
        'application/json',
      )
      await expectUnavailable(
        request,
        `${edgeUrl}/api/articles?limit=1`,
        /The database is not answering/,
        'application/json',
      )
    })

    await test.step('a comment sent without JavaScript comes back in its form, as written', async () => {
      expect((await noScript.goto(REFERENCE.path))?.status()).toBe(200)
      const sent = noScript.waitForResponse((response) => response.url().endsWith('/next/comments'))
      await new CommentsSection(noScript).post('Outage Reader', 'outage@example.com', comment)
      expect((await sent).status()).toBe(503)
      await expect(
        noScript.getByRole('heading', { name: 'Your comment was not sent' }),
      ).toBeVisible()
      const kept = noScript.getByRole('form', { name: 'Your comment' })
      await expect(kept.getByLabel('Comment')).toHaveValue(comment)
      await expect(kept.getByLabel('Name')).toHaveValue('Outage Reader')
      await expect(kept.getByLabel('Email')).toHaveValue('outage@example.com')
    })

    await test.step('a comment sent inline keeps its text and says why it was not sent', async () => {
      await withScript.goto(REFERENCE.path)
      const comments = new CommentsSection(withScript)
      await comments.post('Inline Reader', 'inline@example.com', `${comment} (inline)`)
      await expect(comments.form.getByRole('alert')).toContainText('database is not answering')
      await expect(comments.form.getByLabel('Comment')).toHaveValue(`${comment} (inline)`)
    })
  } finally {
    await database.restore()
  }

  await test.step('once PostgreSQL is back, every one of them answers from it again', async () => {
    await expect
      .poll(async () => (await request.get(`${edgeUrl}${fresh.path}`)).status(), {
        timeout: 20_000,
      })
      .toBe(200)
    expect(await (await request.get(`${app.url}${fresh.path}`)).text()).toContain(fresh.headline)
    expect((await request.get(`${edgeUrl}${unknownSlug}`)).status()).toBe(404)
    expect(await (await request.get(`${edgeUrl}/search?q=${fresh.word}`)).text()).toContain(
      fresh.headline,
    )
    const token = await request.get(`${edgeUrl}/next/comments/token?article=${fresh.articleId}`)
    expect(await token.json()).toMatchObject({ open: true, token: expect.any(String) })
    expect((await request.get(`${edgeUrl}/api/articles?limit=1`)).status()).toBe(200)
    expect((await request.get(`${edgeUrl}${REFERENCE.path}`)).status()).toBe(200)

    // The kept form, sent again as it is, is taken.
    await noScript.getByRole('button', { name: 'Send again' }).click()
    await expect(noScript).toHaveURL(new RegExp(`${REFERENCE.path}#comment-received$`))
    await expect(noScript.getByText('Your comment is awaiting moderation')).toBeVisible()
    const stored = await request.get(
      `/api/comments?where[body][equals]=${encodeURIComponent(comment)}&depth=0`,
      { headers: await editorHeaders(request) },
    )
    expect((await stored.json()).docs).toMatchObject([{ authorName: 'Outage Reader' }])
  })
  expect(app.exitCode(), app.output()).toBeNull()
  await noScript.close()
  await withScript.close()
})

test('a database that takes connections and never answers is a 503 in seconds, not a hang', async ({
  request,
}) => {
  await database.stall()
  try {
    await expectUnavailable(request, `${app.url}${unseen.path}`, /We’ll be right back/)
  } finally {
    await database.restore()
  }
  await expect
    .poll(async () => (await request.get(`${app.url}${unseen.path}`)).status(), { timeout: 20_000 })
    .toBe(200)
  expect(await (await request.get(`${app.url}${unseen.path}`)).text()).toContain(unseen.headline)
})
