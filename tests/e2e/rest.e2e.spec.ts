import type { APIRequestContext } from '@playwright/test'

import { section } from './api'
import { EDITOR, expect, test } from './fixtures'

interface Doc {
  id: number
  headline: string
  _status: string
}

async function editorToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/users/login', { data: EDITOR })
  expect(response.ok()).toBe(true)
  return (await response.json()).token
}

test.describe('anonymous readers through REST', () => {
  let draft: Doc
  let published: Doc
  const pendingHeadline = `Rewritten headline awaiting edit ${Date.now()}`

  test.beforeAll(async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL })
    const headers = { Authorization: `JWT ${await editorToken(api)}` }
    const { docs } = await (
      await api.get('/api/sections?where[slug][equals]=world', { headers })
    ).json()
    const authors = await (await api.get('/api/authors?limit=1', { headers })).json()
    const base = {
      dek: 'Summary.',
      section: docs[0].id,
      authors: [authors.docs[0].id],
      body: [section('Only section')],
    }
    draft = (
      await (
        await api.post('/api/articles?draft=true', {
          headers,
          data: { ...base, headline: `Embargoed draft ${Date.now()}`, _status: 'draft' },
        })
      ).json()
    ).doc
    published = (
      await (
        await api.post('/api/articles', {
          headers,
          data: { ...base, headline: `Published ${Date.now()}`, _status: 'published' },
        })
      ).json()
    ).doc
    const update = await api.patch(`/api/articles/${published.id}?draft=true`, {
      headers,
      data: { headline: pendingHeadline, _status: 'draft' },
    })
    expect(update.ok()).toBe(true)
    await api.dispose()
  })

  test('never list a draft', async ({ request }) => {
    const response = await request.get('/api/articles?limit=1000&depth=0')
    expect(response.status()).toBe(200)
    const { docs } = (await response.json()) as { docs: Doc[] }
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
    expect(docs.map((doc) => doc.id)).not.toContain(draft.id)
  })

  test('get nothing when asking for drafts by parameter or query', async ({ request }) => {
    for (const query of [
      'draft=true',
      'where[_status][equals]=draft',
      `where[headline][like]=Embargoed`,
    ]) {
      const { docs } = (await (await request.get(`/api/articles?${query}&depth=0`)).json()) as {
        docs: Doc[]
      }
      expect(
        docs.map((doc) => doc.id),
        query,
      ).not.toContain(draft.id)
      expect(
        docs.map((doc) => doc.headline),
        query,
      ).not.toContain(pendingHeadline)
    }
  })

  test('cannot open a draft by id', async ({ request }) => {
    for (const url of [`/api/articles/${draft.id}`, `/api/articles/${draft.id}?draft=true`]) {
      const response = await request.get(url)
      expect(response.status(), url).toBe(404)
    }
  })

  test('see the published version, not the newer draft of it', async ({ request }) => {
    const doc = (await (
      await request.get(`/api/articles/${published.id}?draft=true`)
    ).json()) as Doc
    expect(doc.headline).toBe(published.headline)
  })

  test('cannot read versions, users or write anything', async ({ request }) => {
    expect((await request.get('/api/articles/versions')).status()).toBe(403)
    expect((await request.get('/api/users')).status()).toBe(403)
    expect((await request.post('/api/articles', { data: { headline: 'x' } })).status()).toBe(403)
    expect(
      (
        await request.patch(`/api/articles/${published.id}`, { data: { headline: 'Defaced' } })
      ).status(),
    ).toBe(403)
    expect((await request.delete(`/api/articles/${published.id}`)).status()).toBe(403)
  })

  test('get a 400 with a message, never a 500, for malformed or whole-collection queries', async ({
    request,
  }) => {
    const refused = [
      '/api/articles?where[headline][near]=1,2,3',
      '/api/articles?where[headline][all]=a',
      '/api/articles?where[headline][$ne]=a',
      '/api/articles?limit=12345678901234567890',
      '/api/articles?pagination=false',
      '/api/faqs?sort=createdBy.email',
    ].map((path) => request.get(path))
    refused.push(request.post('/api/users/verify/abc'))
    for (const response of await Promise.all(refused)) {
      expect(response.status(), response.url()).toBe(400)
      const { errors } = (await response.json()) as { errors: { message: string }[] }
      expect(errors[0]!.message.length, response.url()).toBeGreaterThan(10)
    }
    const capped = await request.get('/api/articles?limit=100000&depth=0')
    expect(capped.status()).toBe(200)
    expect(((await capped.json()) as { limit: number }).limit).toBe(100)
  })

  test('get a 404 page at a draft’s URL', async ({ request }) => {
    const doc = (await (
      await request.get(`/api/articles/${published.id}?depth=1`)
    ).json()) as Doc & { slug: string }
    const page = await request.get(`/world/${doc.slug}`)
    expect(page.status()).toBe(200)
    expect(await page.text()).not.toContain(pendingHeadline)
    const slugOfDraft = (draft as Doc & { slug: string }).slug
    expect(slugOfDraft).toMatch(/^embargoed-draft-/)
    expect((await request.get(`/world/${slugOfDraft}`)).status()).toBe(404)
  })
})

test.describe('newsroom users through REST', () => {
  test('get a 400 naming the row when a table row has the wrong number of cells', async ({
    request,
  }) => {
    const headers = { Authorization: `JWT ${await editorToken(request)}` }
    const response = await request.post('/api/comparison-tables', {
      headers,
      data: {
        title: 'Lopsided',
        columns: [{ label: 'A' }, { label: 'B' }],
        rows: [{ cells: [{ value: '1' }, { value: '2' }] }, { cells: [{ value: '3' }] }],
      },
    })
    expect(response.status()).toBe(400)
    expect((await response.json()).errors[0].message).toBe(
      'Row 2 has 1 cell but the table has 2 columns.',
    )
  })

  test('get a 409 naming the article when deleting a table it embeds, and the article still renders', async ({
    request,
  }) => {
    const headers = { Authorization: `JWT ${await editorToken(request)}` }
    const { docs } = await (
      await request.get('/api/comparison-tables?where[title][equals]=Ascend 910 vs. Nvidia H100', {
        headers,
      })
    ).json()
    const response = await request.delete(`/api/comparison-tables/${docs[0].id}`, { headers })
    expect(response.status()).toBe(409)
    expect((await response.json()).errors[0].message).toContain(
      'used in 1 article (“Ren Zhengfei Says',
    )
    const page = await request.get('/technology/ren-zhengfei-us-china-ai-divergent-directions')
    expect(await page.text()).toContain('Peak FP16 performance')
  })
})
