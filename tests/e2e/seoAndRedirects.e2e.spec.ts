import { createArticle, editorHeaders } from './api'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(120_000)

// Next.js sends a same-site Location as a path; browsers and crawlers resolve it against the request.
test('a changed slug answers the old address with a 301 that a browser follows to the article', async ({
  request,
  page,
}) => {
  const headers = await editorHeaders(request)
  const stamp = Date.now().toString(36)
  const { articleId, path } = await createArticle(request, headers, {
    headline: `Harbour reopens ${stamp}`,
  })
  const moved = `harbour-reopens-to-ferries-${stamp}`
  const patch = await request.patch(`/api/articles/${articleId}`, {
    headers,
    data: { slug: moved, _status: 'published' },
  })
  expect(patch.ok()).toBe(true)

  // Redirect answers are reused for up to a second.
  await expect
    .poll(async () => (await request.get(`${path}?ref=newsletter`, { maxRedirects: 0 })).status())
    .toBe(301)
  const answer = await request.get(`${path}?ref=newsletter`, { maxRedirects: 0 })
  expect(new URL(answer.headers().location!, answer.url()).pathname).toBe(`/world/${moved}`)
  expect(new URL(answer.headers().location!, answer.url()).search).toBe('?ref=newsletter')

  await page.goto(path)
  expect(new URL(page.url()).pathname).toBe(`/world/${moved}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Harbour reopens ${stamp}`)
})

test('an editor adds a redirect by hand and the old address leads to the new one', async ({
  request,
  page,
}) => {
  const headers = await editorHeaders(request)
  const old = `/spring-appeal-${Date.now().toString(36)}`
  const world = (
    await (await request.get('/api/sections?where[slug][equals]=world', { headers })).json()
  ).docs[0]
  // What the admin's Save sends for Newsroom → Redirects → Create.
  const created = await request.post('/api/redirects', {
    headers,
    data: {
      from: old,
      to: { type: 'reference', reference: { relationTo: 'sections', value: world.id } },
    },
  })
  expect(created.status(), await created.text()).toBe(201)

  await expect.poll(async () => (await request.get(old, { maxRedirects: 0 })).status()).toBe(301)
  const answer = await request.get(old, { maxRedirects: 0 })
  expect(new URL(answer.headers().location!, answer.url()).pathname).toBe('/world')
  await page.goto(old)
  expect(new URL(page.url()).pathname).toBe('/world')

  // A redirect that would hide a live page is refused, saying why on the field.
  const refused = await request.post('/api/redirects', {
    headers,
    data: { from: '/world', to: { type: 'custom', url: old } },
  })
  expect(refused.status()).toBe(400)
  expect(JSON.stringify(await refused.json())).toContain('/world is a live page (a section)')
  expect((await request.get('/world', { maxRedirects: 0 })).status()).toBe(200)
})

test('SEO fields guide the editor and, filled or empty, decide what search engines and share cards get', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Council backs tram extension ${Date.now().toString(36)}`
  const { articleId, path } = await createArticle(request, headers, {
    headline,
    dek: 'The line will reach the hospital and the university by 2029.',
  })

  // Empty SEO fields: the headline and dek.
  await page.goto(path)
  await expect(page).toHaveTitle(`${headline} — Broadsheet`)
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    'The line will reach the hospital and the university by 2029.',
  )

  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open(`/admin/collections/articles/${articleId}`)
  const seo = page.locator('#field-meta')
  await seo.getByRole('button', { name: 'Auto-generate' }).first().click()
  await expect(page.locator('#field-meta__title')).toHaveValue(headline)
  // Length guidance for the title, and a search-result preview.
  await expect(seo.getByText(/\d+\/50-60 chars/)).toBeVisible()
  await expect(seo.getByText('Preview', { exact: true })).toBeVisible()
  await page.locator('#field-meta__title').fill('Tram line to reach hospital by 2029')
  await page
    .locator('#field-meta__description')
    .fill(
      'Councillors voted 41 to 9 for the extension; building starts next spring and the first trams run in 2029.',
    )
  expect((await admin.publish()).ok()).toBe(true)

  await expect(async () => {
    await page.goto(path)
    await expect(page).toHaveTitle('Tram line to reach hospital by 2029 — Broadsheet')
  }).toPass({ timeout: 20_000 })
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Tram line to reach hospital by 2029',
  )
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    /^Councillors voted 41 to 9/,
  )
  // The page still leads with the headline.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline)
})
