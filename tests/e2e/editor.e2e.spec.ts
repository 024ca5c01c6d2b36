import { slugify } from '@/lib/slugify'

import { createArticle, SAME_ORIGIN, section } from './api'
import { AdminPage } from './pages/AdminPage'
import { ArticlePage } from './pages/ArticlePage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(300_000)

test('an editor publishes an article with a table and an FAQ, and readers see each change without a rebuild', async ({
  page,
  browser,
  baseURL,
}) => {
  const stamp = Date.now().toString(36)
  const headline = `Waterproof phone review ${stamp}`
  const tableTitle = `Phone prices ${stamp}`
  const question = `Is the phone waterproof (${stamp})?`
  const path = `/technology/${slugify(headline)}`
  const admin = new AdminPage(page)
  const reader = await browser.newContext({ baseURL })
  const readerPage = new ArticlePage(await reader.newPage())

  await admin.login(EDITOR.email, EDITOR.password)
  await admin.createTable(
    tableTitle,
    ['Phone', 'Price'],
    [
      ['Model A', '$499'],
      ['Model B', '$649'],
    ],
    'Maker list prices',
  )
  await admin.createFaq(question, 'Yes, to one metre for thirty minutes.')

  await admin.startArticle({
    headline,
    dek: 'A waterproof phone for less than you think.',
    desk: 'Technology',
    byline: 'Maya Okafor',
    firstHeading: 'Verdict',
  })
  await admin.composeText(admin.sectionText(0), 'Our verdict, in one table and one question.', [
    { menu: 'Comparison table', query: 'compar', field: 'field-table', option: tableTitle },
    { menu: 'FAQ', query: 'faq', field: 'field-faqs', option: question },
  ])

  // Autosave has stored a draft: readers get a 404 at its URL.
  await expect
    .poll(
      async () =>
        (
          await page.request.get(
            `/api/articles?where[slug][equals]=${slugify(headline)}&draft=true`,
            { headers: SAME_ORIGIN },
          )
        ).json(),
      // Autosave runs a couple of seconds after the last keystroke.
      { timeout: 30_000 },
    )
    .toMatchObject({ totalDocs: 1 })
  expect((await reader.request.get(path)).status()).toBe(404)

  expect((await admin.publish()).ok()).toBe(true)

  await expect(async () => {
    await readerPage.goto(path)
    await expect(readerPage.headline).toHaveText(headline)
  }).toPass({ timeout: 20_000 })
  expect(await readerPage.tableCells(tableTitle)).toEqual([
    ['Phone', 'Price'],
    ['Model A', '$499'],
    ['Model B', '$649'],
  ])
  await expect(readerPage.page.getByText('Maker list prices')).toBeVisible()
  await expect(readerPage.faq).toHaveText([question])
  await expect(readerPage.page.getByText('Yes, to one metre for thirty minutes.')).toBeVisible()
  // The desk page is re-rendered after the publish response; a reader reloading gets it.
  await expect(async () => {
    await readerPage.page.goto('/technology')
    await expect(readerPage.page.getByRole('link', { name: headline })).toBeVisible({
      timeout: 1_000,
    })
  }).toPass({ timeout: 20_000 })

  // A new headline reaches readers on reload, from the cache, with no rebuild.
  const revised = `${headline}: revised`
  await page.getByLabel('Headline').fill(revised)
  expect((await admin.publish()).ok()).toBe(true)
  await expect(async () => {
    await readerPage.goto(path)
    await expect(readerPage.headline).toHaveText(revised)
  }).toPass({ timeout: 20_000 })
  await expect(async () => {
    await readerPage.page.goto('/')
    await expect(readerPage.page.getByRole('link', { name: revised })).toBeVisible({
      timeout: 1_000,
    })
  }).toPass({ timeout: 20_000 })

  await reader.close()
})

test('a logged-in editor previews the latest draft at its URL; readers still get the published page', async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  // The page's own request context carries the editor's login cookie.
  const api = page.request
  const headline = `Quarterly results preview ${Date.now().toString(36)}`
  const { articleId, path } = await createArticle(
    api,
    SAME_ORIGIN,
    { headline, dek: 'Published version.', body: [section('Numbers')] },
    'business',
  )
  const draftHeadline = `${headline} (draft rewrite)`
  expect(
    (
      await api.patch(`/api/articles/${articleId}?draft=true`, {
        headers: SAME_ORIGIN,
        data: { headline: draftHeadline, _status: 'draft' },
      })
    ).ok(),
  ).toBe(true)

  await page.goto(`/next/preview?path=${encodeURIComponent(path)}`)
  await expect(page).toHaveURL(new RegExp(`${path}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(draftHeadline)
  await expect(page.getByRole('status')).toContainText('Preview')

  const reader = await browser.newContext({ baseURL })
  const readerPage = await reader.newPage()
  await readerPage.goto(path)
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(headline)
  await reader.close()

  await page.getByRole('link', { name: 'Leave preview' }).click()
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline)
})

test('the admin refuses a table row with the wrong number of cells and names the row', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.fillTable(
    'Lopsided table',
    ['Metric', 'Value'],
    [['Speed', '42'], ['Weight']],
    'Test',
  )
  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page.getByText('Row 2 has 1 cell but the table has 2 columns.')).toBeVisible()
  await expect(page).toHaveURL(/\/comparison-tables\/create$/)
})
