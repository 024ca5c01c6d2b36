import type { APIRequestContext } from '@playwright/test'

import { createArticle } from './api'
import { EDITOR, expect, test } from './fixtures'

/** Newsroom edits made through REST, as the admin makes them; readers must see each within seconds. */
async function newsroom(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: EDITOR })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const call = async (method: 'post' | 'patch' | 'delete', url: string, data?: unknown) => {
    const response = await request[method](url, { headers, data })
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true)
    return (await response.json()).doc
  }
  return { headers, call }
}

function lexicalWith(block: Record<string, unknown>) {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [
        {
          type: 'block',
          version: 2,
          format: '',
          fields: { id: `b${Date.now()}`, blockName: '', ...block },
        },
      ],
    },
  }
}

test('edits to an embedded table, a byline and a section, an unpublish and a delete all reach readers', async ({
  request,
  playwright,
  baseURL,
}) => {
  const { call } = await newsroom(request)
  const stamp = Date.now().toString(36)
  const reader = await playwright.request.newContext({ baseURL })
  // What a reader reads: the page's text without markup.
  const textOf = async (path: string) =>
    (await (await reader.get(path)).text())
      .replace(/<!--.*?-->/g, '')
      .replace(/<[^>]*>/g, ' ')
      // As a reader sees it: runs of white space are one space.
      .replace(/\s+/g, ' ')
  const readerSees = (path: string, text: string | RegExp) =>
    expect
      .poll(() => textOf(path), { timeout: 10_000, message: `${path} shows ${text}` })
      .toMatch(text)
  const readerGets = (path: string, status: number) =>
    expect.poll(async () => (await reader.get(path)).status(), { timeout: 10_000 }).toBe(status)

  const section = await call('post', '/api/sections', { name: `Science ${stamp}` })
  const author = await call('post', '/api/authors', { name: `Rosa Quill ${stamp}`, kind: 'person' })
  const table = await call('post', '/api/comparison-tables', {
    title: `Telescopes ${stamp}`,
    columns: [{ label: 'Telescope' }, { label: 'Mirror' }],
    rows: [{ cells: [{ value: 'Hubble' }, { value: '2.4 m' }] }],
    sourceNote: 'Agency fact sheets',
  })
  const article = await call('post', '/api/articles', {
    headline: `Mirrors compared ${stamp}`,
    dek: 'How big is big enough?',
    section: section.id,
    authors: [author.id],
    body: [
      { heading: 'Sizes', content: lexicalWith({ blockType: 'comparisonTable', table: table.id }) },
    ],
    _status: 'published',
  })
  const path = `/${section.slug}/${article.slug}`
  await readerSees(path, /Hubble/)
  await readerSees(path, `By Rosa Quill ${stamp}`)

  await call('patch', `/api/comparison-tables/${table.id}`, {
    rows: [
      { cells: [{ value: 'Hubble' }, { value: '2.4 m' }] },
      { cells: [{ value: 'Webb' }, { value: '6.5 m' }] },
    ],
  })
  await readerSees(path, /Webb/)

  await call('patch', `/api/authors/${author.id}`, { name: `Rosa Quill-Hart ${stamp}` })
  await readerSees(path, `By Rosa Quill-Hart ${stamp}`)

  await call('patch', `/api/sections/${section.id}`, { name: `Space science ${stamp}` })
  await readerSees(`/${section.slug}`, `Space science ${stamp}`)
  await readerSees('/', `Space science ${stamp}`)

  await call('patch', `/api/articles/${article.id}`, { _status: 'draft' })
  await readerGets(path, 404)
  await expect
    .poll(async () => (await reader.get(`/${section.slug}`)).text())
    .not.toContain(`Mirrors compared ${stamp}`)

  await call('patch', `/api/articles/${article.id}`, { _status: 'published' })
  await readerGets(path, 200)
  await call('delete', `/api/articles/${article.id}`)
  await readerGets(path, 404)
  await reader.dispose()
})

test('an article published at an address readers asked for before is right on the very first request', async ({
  request,
  playwright,
  baseURL,
}) => {
  const { headers } = await newsroom(request)
  const stamp = Date.now().toString(36)
  const headline = `Ferry timetable restored ${stamp}`
  const { articleId, path } = await createArticle(request, headers, {
    headline,
    _status: 'draft',
  })
  const reader = await playwright.request.newContext({ baseURL })
  // Asked for before publication: a 404, twice, so the answer is in the cache.
  expect((await reader.get(path)).status()).toBe(404)
  expect((await reader.get(path)).status()).toBe(404)

  const published = await request.patch(`/api/articles/${articleId}`, {
    headers,
    data: { _status: 'published' },
  })
  expect(published.ok()).toBe(true)

  const first = await reader.get(path)
  expect(first.status()).toBe(200)
  const html = await first.text()
  expect(html).toContain(`<title>${headline}`)
  expect(html).toContain(`<link rel="canonical" href="${baseURL}${path}"`)
  expect(html).toContain(`<meta property="og:title" content="${headline}`)
  await reader.dispose()
})
