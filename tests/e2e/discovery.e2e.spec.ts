import { createArticle, editorHeaders } from './api'
import { expect, REFERENCE, test } from './fixtures'

test('a reader browses home → section → article → topic → byline and back', async ({ page }) => {
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Technology' })
    .click()
  await expect(page).toHaveURL(/\/technology$/)
  await page.getByRole('link', { name: REFERENCE.headline, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`${REFERENCE.path}$`))
  await expect(page.getByText(/^\d+ min read$/)).toBeVisible()

  const related = page.getByRole('complementary', { name: 'Related' })
  await expect(related.getByRole('link')).not.toHaveCount(0)
  expect(await related.getByRole('link').count()).toBeLessThanOrEqual(5)

  await page
    .getByRole('navigation', { name: 'Topics' })
    .getByRole('link', { name: 'Semiconductors' })
    .click()
  await expect(page).toHaveURL(/\/tags\/semiconductors$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Semiconductors')
  await expect(page.getByRole('link', { name: REFERENCE.headline, exact: true })).toBeVisible()
  // Another article on the topic, from another desk.
  await expect(
    page.getByRole('link', {
      name: 'Trade ministers agree framework for tracking critical-mineral shipments',
    }),
  ).toBeVisible()

  await page.getByRole('link', { name: REFERENCE.headline, exact: true }).click()
  await page
    .getByRole('article', { name: REFERENCE.headline })
    .getByRole('link', { name: 'Archyde Staff' })
    .first()
    .click()
  await expect(page).toHaveURL(/\/authors\/archyde-staff$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archyde Staff')
  await expect(page.getByRole('article').first()).toBeVisible()

  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`${REFERENCE.path}$`))
  await page.goBack()
  await expect(page).toHaveURL(/\/tags\/semiconductors$/)

  // The byline's pages list the reference article: newest first, so after whatever the other
  // tests have published under the same byline by now, on the first page or a later one.
  await page.goto('/authors/archyde-staff')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archyde Staff')
  const reference = page.getByRole('link', { name: REFERENCE.headline, exact: true })
  for (let pages = 1; !(await reference.isVisible()); pages += 1) {
    expect(pages, 'pages of the byline read without finding the reference article').toBeLessThan(20)
    await page.getByRole('link', { name: 'Older →' }).click()
    await expect(page).toHaveURL(new RegExp(`/authors/archyde-staff\\?page=${pages + 1}$`))
    // Server-rendered whole: once the document has loaded, its list is all there.
    await page.waitForLoadState('load')
  }
  await expect(reference).toBeVisible()
})

test('listings page with real links, and a page past the end is a 404', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const name = `Archive desk ${Date.now()}`
  const section = (await (await request.post('/api/sections', { headers, data: { name } })).json())
    .doc
  for (let i = 1; i <= 21; i += 1) {
    await createArticle(
      request,
      headers,
      {
        headline: `Archive story ${String(i).padStart(2, '0')} ${Date.now()}`,
        dek: 'A story for the archive.',
        publishedAt: new Date(Date.UTC(2025, 0, i)).toISOString(),
      },
      section.slug,
    )
  }

  await page.goto(`/${section.slug}`)
  await expect(page.getByRole('heading', { level: 2, name: /^Archive story 21/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Archive story 01/ })).toHaveCount(0)
  await page.getByRole('link', { name: 'Older →' }).click()
  await expect(page).toHaveURL(new RegExp(`/${section.slug}\\?page=2$`))
  await expect(page.getByText('Page 2 of 2')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Archive story 01/ })).toBeVisible()
  await expect(page.getByRole('link', { name: '← Newer' })).toHaveAttribute(
    'href',
    `/${section.slug}`,
  )

  for (const path of [
    `/${section.slug}?page=3`,
    `/${section.slug}?page=0`,
    `/${section.slug}?page=abc`,
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404)
  }
  for (const path of [
    '/tags/no-such-topic',
    '/authors/no-such-person',
    '/tags/semiconductors?page=2',
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404)
  }
})

test('a reader searches from any page: ranked, highlighted results and a helpful empty state', async ({
  page,
}) => {
  await page.goto(REFERENCE.path)
  await page.getByRole('link', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/\/search$/)
  const box = page.getByRole('searchbox', { name: 'Search articles' })
  await box.fill('Ren Zhengfei')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=Ren\+Zhengfei$/)
  const first = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2 }) })
    .first()
  await expect(first.getByRole('link', { name: REFERENCE.headline, exact: true })).toBeVisible()
  await expect(first.locator('mark').first()).toBeVisible()
  await first.getByRole('link', { name: REFERENCE.headline, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`${REFERENCE.path}$`))
  await page.goBack()
  await expect(box).toHaveValue('Ren Zhengfei')

  await page.goto('/search?q=xylophonequasar')
  await expect(page.getByRole('status')).toContainText('No articles match xylophonequasar')
})

test('search answers any input safely: odd queries render, a 10 KB query is a 400 with a message', async ({
  request,
}) => {
  for (const q of [
    '"unbalanced',
    "'; DROP TABLE articles; --",
    '100%',
    'a:* & !',
    '\\',
    '<script>x</script>',
  ]) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`)
    expect(response.status(), q).toBe(200)
    expect(await response.text()).not.toContain('<script>x</script>')
  }
  const long = await request.get(`/search?q=${'a'.repeat(10_240)}`)
  expect(long.status()).toBe(400)
  expect(await long.text()).toContain('Search queries are limited to 200 characters')
  expect((await request.get('/search?q=huawei&page=99')).status()).toBe(404)
})
