import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { slugify } from '@/lib/slugify'
import type { ComparisonTable } from '@/payload-types'

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
  // A 4×3 block (the header and three rows) pasted from a spreadsheet into the grid.
  await admin.createTable(
    tableTitle,
    ['Phone', 'Price', 'Storage'],
    [
      ['Model A', '$499', '128 GB'],
      ['Model B', '$649', '256 GB'],
      ['Model C', '$799', '512 GB'],
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
    { menu: 'Comparison table', query: 'compar', label: 'Table', option: tableTitle },
    { menu: 'FAQ', query: 'faq', label: 'Questions', option: question },
  ])
  // The block in the text names its table and previews its first rows.
  await expect(page.getByText(`Comparison table: ${tableTitle}`)).toBeVisible()
  await expect(page.getByLabel(`Preview of ${tableTitle}`)).toContainText(
    'Phone · Price · StorageModel A · $499 · 128 GB',
  )

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
    ['Phone', 'Price', 'Storage'],
    ['Model A', '$499', '128 GB'],
    ['Model B', '$649', '256 GB'],
    ['Model C', '$799', '512 GB'],
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
  const saveDraft = async (draft: string) =>
    expect(
      (
        await api.patch(`/api/articles/${articleId}?draft=true`, {
          headers: SAME_ORIGIN,
          data: { headline: draft, _status: 'draft' },
        })
      ).ok(),
    ).toBe(true)
  const draftHeadline = `${headline} (draft rewrite)`
  await saveDraft(draftHeadline)

  await page.goto(`/next/preview?path=${encodeURIComponent(path)}`)
  await expect(page).toHaveURL(new RegExp(`${path}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(draftHeadline)
  await expect(page.getByRole('status')).toContainText('Preview')

  // The live preview's refresh re-renders the page when the admin tells it a draft was saved:
  // here the test sends the admin's message itself.
  const secondDraft = `${headline} (second draft)`
  await saveDraft(secondDraft)
  await expect(async () => {
    await page.evaluate(() =>
      window.postMessage({ type: 'payload-document-event' }, window.location.origin),
    )
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondDraft, {
      timeout: 1_000,
    })
  }).toPass()

  const reader = await browser.newContext({ baseURL })
  const readerPage = await reader.newPage()
  await readerPage.goto(path)
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(headline)
  await reader.close()

  await page.getByRole('link', { name: 'Leave preview' }).click()
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline)
})

test('a pasted row with a missing cell is flagged on its row in the grid and the server refuses to save it', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  const title = `Lopsided table ${Date.now().toString(36)}`
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.fillTable(title, ['Metric', 'Value'], [['Speed', '42'], ['Weight']], 'Test')

  const problem = 'Row 2 has 1 cell but the table has 2 columns.'
  await expect(
    page.getByRole('row').filter({ has: page.getByLabel('Row 2, Metric', { exact: true }) }),
  ).toContainText(problem)
  await expect(admin.tableCell('Row 2, Metric')).toHaveAttribute('aria-invalid', 'true')
  const refused = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && /\/api\/comparison-tables\?/.test(response.url()),
  )
  await page.getByRole('button', { name: 'Publish changes' }).click()
  const response = await refused
  expect(response.status()).toBe(400)
  expect(JSON.stringify(await response.json())).toContain(problem)
  await expect(page).toHaveURL(/\/comparison-tables\/create$/)
  const stored = await page.request.get(
    `/api/comparison-tables?where[title][equals]=${encodeURIComponent(title)}&draft=true`,
    { headers: SAME_ORIGIN },
  )
  expect(await stored.json()).toMatchObject({ totalDocs: 0 })

  // Adding the missing cell makes the row whole and the table saves.
  await page.getByRole('button', { name: 'Row 2, Value: add the missing cell' }).click()
  await admin.tableCell('Row 2, Value').fill('7 kg')
  await expect(page.getByText(problem)).toBeHidden()
  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page).toHaveURL(/\/comparison-tables\/\d+$/)
})

test('an editor builds a 3×3 table from the keyboard: arrows and Enter move between cells', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  const title = `Keyboard table ${Date.now().toString(36)}`
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/comparison-tables/create')
  await page.getByLabel('Title').fill(title)

  await admin.tableCell('Column 1 name').click()
  await page.keyboard.type('Planet')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('Moons')
  await page.getByRole('button', { name: 'Add column' }).click()
  await page.keyboard.type('Rings')
  await admin.tableCell('Row 1, Planet').click()
  for (const [index, row] of [
    ['Earth', '1', 'no'],
    ['Mars', '2', 'no'],
    ['Saturn', '146', 'yes'],
  ].entries()) {
    if (index > 0) await page.keyboard.press('Enter')
    await page.keyboard.type(row[0])
    await page.keyboard.press('Tab')
    await page.keyboard.type(row[1])
    await page.keyboard.press('Tab')
    await page.keyboard.type(row[2])
  }
  await expect(admin.tableCell('Row 3, Rings')).toHaveValue('yes')
  await page.keyboard.press('ArrowUp')
  await expect(admin.tableCell('Row 2, Rings')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(admin.tableCell('Row 2, Moons')).toBeFocused()
  const axe = await new AxeBuilder({ page })
    .include('table[aria-label="Table cells"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((violation) => violation.id)).toEqual([])
  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page).toHaveURL(/\/comparison-tables\/\d+$/)
  expect(await storedCells(page, title)).toEqual({
    columns: ['Planet', 'Moons', 'Rings'],
    rows: [
      ['Earth', '1', 'no'],
      ['Mars', '2', 'no'],
      ['Saturn', '146', 'yes'],
    ],
  })

  // The saved table opens in the grid; a row moved and a column removed are saved as shown.
  await admin.open(page.url())
  await expect(admin.tableCell('Row 3, Planet')).toHaveValue('Saturn')
  await page.getByRole('button', { name: 'Move row 3 up' }).click()
  await page.getByRole('button', { name: 'Remove column Rings' }).click()
  await expect(admin.tableCell('Row 2, Planet')).toHaveValue('Saturn')
  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === 'PATCH' &&
      /\/api\/comparison-tables\/\d+\?/.test(response.url()),
  )
  await page.getByRole('button', { name: 'Publish changes' }).click()
  expect((await saved).ok()).toBe(true)
  expect(await storedCells(page, title)).toEqual({
    columns: ['Planet', 'Moons'],
    rows: [
      ['Earth', '1'],
      ['Saturn', '146'],
      ['Mars', '2'],
    ],
  })
})

/** A stored table's column names and cell values, as the REST API gives them. */
async function storedCells(page: Page, title: string) {
  const response = await page.request.get(
    `/api/comparison-tables?where[title][equals]=${encodeURIComponent(title)}&depth=0`,
    { headers: SAME_ORIGIN },
  )
  const [table]: ComparisonTable[] = (await response.json()).docs
  return {
    columns: (table.columns ?? []).map((column) => column.label),
    rows: (table.rows ?? []).map((row) => (row.cells ?? []).map((cell) => cell.value)),
  }
}
