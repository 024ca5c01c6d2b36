import { slugify } from '@/lib/slugify'

import { AdminPage } from './pages/AdminPage'
import { ArticlePage } from './pages/ArticlePage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(180_000)

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

  await admin.open('/admin/collections/articles/create')
  await page.getByLabel('Headline').fill(headline)
  await page.getByLabel('Dek (summary)').fill('A waterproof phone for less than you think.')
  await admin.choose('field-section', 'Technology')
  await admin.choose('field-authors', 'Maya Okafor')
  await page.getByRole('button', { name: 'Add Section' }).click()
  await page.locator('#field-body__0__heading').fill('Verdict')
  await page.getByRole('textbox').and(page.locator('[contenteditable="true"]')).first().click()
  await page.keyboard.type('Our verdict, in one table and one question.')
  await page.keyboard.press('Enter')
  await admin.insertBlock('Comparison table', 'compar')
  await admin.choose('field-table', tableTitle)
  await page.getByText('Our verdict, in one table and one question.').click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await admin.insertBlock('FAQ', 'faq')
  await admin.choose('field-faqs', question)

  // Autosave has stored a draft: readers get a 404 at its URL.
  await expect
    .poll(async () =>
      (
        await page.request.get(`/api/articles?where[slug][equals]=${slugify(headline)}&draft=true`)
      ).json(),
    )
    .toMatchObject({ totalDocs: 1 })
  expect((await reader.request.get(path)).status()).toBe(404)

  await admin.publish()

  await expect(async () => {
    await readerPage.goto(path)
    await expect(readerPage.headline).toHaveText(headline)
  }).toPass({ timeout: 10_000 })
  expect(await readerPage.tableCells(tableTitle)).toEqual([
    ['Phone', 'Price'],
    ['Model A', '$499'],
    ['Model B', '$649'],
  ])
  await expect(readerPage.page.getByText('Maker list prices')).toBeVisible()
  await expect(readerPage.faq).toHaveText([question])
  await expect(readerPage.page.getByText('Yes, to one metre for thirty minutes.')).toBeVisible()
  await readerPage.page.goto('/technology')
  await expect(readerPage.page.getByRole('link', { name: headline })).toBeVisible()

  // A new headline reaches readers on reload, from the cache, with no rebuild.
  const revised = `${headline}: revised`
  await page.getByLabel('Headline').fill(revised)
  await admin.publish()
  await expect(async () => {
    await readerPage.goto(path)
    await expect(readerPage.headline).toHaveText(revised)
  }).toPass({ timeout: 10_000 })
  await readerPage.page.goto('/')
  await expect(readerPage.page.getByRole('link', { name: revised })).toBeVisible()

  await reader.close()
})
