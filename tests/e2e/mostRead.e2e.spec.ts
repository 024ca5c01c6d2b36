import http from 'node:http'
import { rmSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { createArticle, createUser, editorHeaders } from './api'
import { EDITOR, expect, test } from './fixtures'
import { AdminPage } from './pages/AdminPage'
import { readerAddress } from './pages/Comments'

// A browser a person uses: Playwright's own says "HeadlessChrome", which counts as a bot.
const READER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

// The shipped Varnish in front of the test server, on the port the server purges (PURGE_URLS).
let edge: Edge
let workDir: string

test.beforeAll(async () => {
  const backend = new URL(process.env.E2E_BASE_URL!)
  workDir = path.join('.data', `e2e-varnish-most-read-${Date.now().toString(36)}`)
  edge = await startEdge({
    listenPort: Number(process.env.E2E_EDGE_PORT),
    backendHost: backend.hostname,
    backendPort: Number(backend.port),
    workDir: path.resolve(workDir),
  })
})

test.afterAll(async () => {
  await edge?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

/** One reader's beacon, sent through the proxy as their browser would, from `reader`'s address. */
function sendView(articleId: number, reader: string): Promise<number> {
  const body = JSON.stringify({ article: articleId })
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: edge.port,
        path: '/next/views',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'user-agent': READER_AGENT,
          'x-forwarded-for': reader,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

async function storedViews(articleId: number): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query<{ views: number }>(
      'SELECT coalesce(sum(views), 0)::int AS views FROM article_views WHERE article_id = $1',
      [articleId],
    )
    return rows[0]!.views
  } finally {
    await client.end()
  }
}

test('the home page’s “Most read” rail ranks articles by how many readers read them, through the proxy', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const stamp = Date.now().toString(36)
  const stories = [
    { headline: `Harbour reopens after the storm ${stamp}`, readers: 4 },
    { headline: `Council votes on the new budget ${stamp}`, readers: 3 },
    { headline: `Rail strike called off at dawn ${stamp}`, readers: 1 },
  ]
  const created = []
  for (const story of stories) {
    created.push({
      ...story,
      ...(await createArticle(request, headers, { headline: story.headline })),
    })
  }
  // Read in the reverse of the order they should end up in, by distinct readers.
  for (const story of [...created].reverse()) {
    for (let reader = 0; reader < story.readers; reader += 1) {
      expect(await sendView(story.articleId, readerAddress())).toBe(200)
    }
  }

  const rail = page.getByRole('complementary', { name: 'Most read' })
  await expect(async () => {
    await page.goto(`http://127.0.0.1:${edge.port}/`)
    const shown = (await rail.getByRole('listitem').allTextContents()).filter((text) =>
      text.endsWith(stamp),
    )
    expect(shown).toEqual(stories.map((story) => story.headline))
  }).toPass({ timeout: 30_000 })
  await expect(rail.getByRole('link', { name: stories[0]!.headline })).toHaveAttribute(
    'href',
    created[0]!.path,
  )
})

test('a reader’s visit to an article page is counted by its beacon, once', async ({
  browser,
  request,
}) => {
  const headers = await editorHeaders(request)
  const { articleId, path: articlePath } = await createArticle(request, headers, {
    headline: `Ferry timetable changes for winter ${Date.now().toString(36)}`,
  })
  const context = await browser.newContext({
    userAgent: READER_AGENT,
    extraHTTPHeaders: { 'X-Forwarded-For': readerAddress() },
  })
  const page = await context.newPage()
  const beacon = page.waitForEvent('requestfinished', (sent) => sent.url().endsWith('/next/views'))
  await page.goto(articlePath)
  expect((await beacon).postDataJSON()).toEqual({ article: articleId })
  await expect.poll(() => storedViews(articleId), { timeout: 10_000 }).toBe(1)
  // The same reader reloading is not a second view.
  const again = page.waitForEvent('requestfinished', (sent) => sent.url().endsWith('/next/views'))
  await page.reload()
  await again
  expect(await storedViews(articleId)).toBe(1)
  await context.close()
})

test('editors see the most-read articles today and this week, overall and per desk; authors do not', async ({
  browser,
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Lifeboat crew honoured ${Date.now().toString(36)}`
  const { articleId } = await createArticle(request, headers, { headline })
  for (let reader = 0; reader < 2; reader += 1) {
    expect(await sendView(articleId, readerAddress())).toBe(200)
  }

  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  // In the navigation (closed, so inert, at this width): where the link leads is what counts.
  await expect(page.getByRole('link', { name: 'Most read' })).toHaveAttribute(
    'href',
    '/admin/most-read',
  )
  await admin.open('/admin/most-read')
  await expect(page.getByRole('heading', { level: 1, name: 'Most read' })).toBeVisible()
  for (const caption of ['Today', 'Last 7 days', 'World: today', 'World: last 7 days']) {
    const row = page.getByRole('table', { name: caption, exact: true }).getByRole('row', {
      name: new RegExp(headline),
    })
    await expect(row.getByRole('cell').last()).toHaveText('2')
  }

  const author = await createUser(request, 'author')
  const context = await browser.newContext()
  const authorPage = await context.newPage()
  await new AdminPage(authorPage).login(author.email, author.password)
  await expect(authorPage.getByRole('link', { name: 'Most read' })).toHaveCount(0)
  await authorPage.goto('/admin/most-read')
  await expect(
    authorPage.getByText('Only editors and admins can see what readers read most.'),
  ).toBeVisible()
  await expect(authorPage.getByText(headline)).toHaveCount(0)
  await context.close()
})
