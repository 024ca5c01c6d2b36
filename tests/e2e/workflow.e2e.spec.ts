import { slugify } from '@/lib/slugify'

import { createArticle, createUser, editorHeaders, headersOf, storedArticle } from './api'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(240_000)

test('an author writes and submits; an editor reviews it in live preview, fixes a checklist error and publishes; the reader sees it', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const stamp = Date.now().toString(36)
  const headline = `Harbour ferry returns after storm repairs ${stamp}`
  const slug = slugify(headline)
  const path = `/world/${slug}`
  const author = await createUser(request, 'author')

  // The author writes in the admin and submits; they have no Publish button.
  const authorContext = await browser.newContext({ baseURL })
  const authorPage = await authorContext.newPage()
  const writer = new AdminPage(authorPage)
  await writer.login(author.email, author.password)
  await writer.startArticle({
    headline,
    dek: 'The crossing reopens on Monday.',
    desk: 'World',
    byline: 'Maya Okafor',
    firstHeading: 'What happened',
  })
  await writer.composeText(writer.sectionText(0), 'The ferry was out of service for six weeks.', [])
  await authorPage.getByRole('button', { name: 'Add Section' }).click()
  await authorPage.locator('#field-body__1__heading').fill('What passengers say')
  await expect(authorPage.getByRole('button', { name: 'Publish changes' })).toHaveCount(0)
  const review = authorPage.getByRole('region', { name: 'Review' })
  await review.getByRole('button', { name: 'Submit for review' }).click()
  await expect(review.getByRole('status')).toHaveText(/In review/)
  // Autosave stores the submission.
  const authorHeaders = await headersOf(request, author)
  const stored = () => storedArticle(request, authorHeaders, { slug }, { draft: true })
  await expect
    .poll(async () => (await stored())?.reviewStatus, { timeout: 30_000 })
    .toBe('in_review')
  const articleId = (await stored())!.id
  await authorContext.close()
  expect((await request.get(path)).status()).toBe(404)

  // The editor finds it waiting for review on the dashboard.
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  const queue = page.getByRole('region', { name: /Waiting for review/ })
  await queue.getByRole('link', { name: headline }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/articles/${articleId}$`))
  await page.waitForLoadState('networkidle')

  // The checklist finds the empty section; the live preview shows the real page.
  const checklist = page.getByRole('region', { name: 'Publish checklist' })
  await expect(checklist.getByText('1 error blocks publishing.', { exact: false })).toBeVisible({
    timeout: 60_000,
  })
  await expect(checklist.getByText(/“What passengers say” has no text/)).toBeVisible()
  await page.getByRole('button', { name: 'Live Preview' }).click()
  const preview = page.frameLocator('#live-preview-iframe')
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(headline, {
    timeout: 30_000,
  })
  await expect(preview.getByText(/Preview: this is the latest draft/)).toBeVisible()
  await expect(preview.getByRole('heading', { name: 'What passengers say' })).toBeVisible()

  // The editor writes the missing text; the preview shows it once autosave has stored it.
  const quote = 'Commuters said the six weeks felt much longer.'
  await admin.composeText(admin.sectionText(1), quote, [])
  await expect(preview.getByText(quote)).toBeVisible({ timeout: 30_000 })
  await expect(checklist.getByText('No errors: ready to publish.')).toBeVisible({
    timeout: 60_000,
  })
  expect((await admin.publish()).ok()).toBe(true)

  // Readers see it at once; the review is over.
  const reader = await browser.newContext({ baseURL })
  const readerPage = await reader.newPage()
  await expect(async () => {
    const response = await readerPage.goto(path)
    expect(response?.status()).toBe(200)
  }).toPass({ timeout: 20_000 })
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(headline)
  await expect(readerPage.getByText(quote)).toBeVisible()
  await expect(readerPage.getByText(/Preview/)).toHaveCount(0)
  await reader.close()
  const published = await storedArticle(request, await editorHeaders(request), { id: articleId })
  expect(published?.reviewStatus).toBe('published')
})

test('an editor sends an article back with a note, and the author sees the note on their dashboard', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const stamp = Date.now().toString(36)
  const headers = await editorHeaders(request)
  const author = await createUser(request, 'author', 'sentback')
  const headline = `Council budget vote delayed ${stamp}`
  const { articleId } = await createArticle(request, await headersOf(request, author), {
    headline,
    dek: 'The vote moves to next week.',
    body: [{ heading: 'The vote' }],
    reviewStatus: 'in_review',
    _status: 'draft',
  })

  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open(`/admin/collections/articles/${articleId}`)
  const review = page.getByRole('region', { name: 'Review' })
  await expect(review.getByRole('button', { name: 'Send back to author' })).toBeDisabled()
  await page.getByLabel('Note for the author').fill('Who delayed it, and why? Add a quote.')
  await review.getByRole('button', { name: 'Send back to author' }).click()
  await expect(review.getByRole('status')).toHaveText(/Sent back/)
  await expect
    .poll(
      async () =>
        (await storedArticle(request, headers, { id: articleId }, { draft: true }))?.reviewStatus,
      { timeout: 30_000 },
    )
    .toBe('sent_back')

  const authorContext = await browser.newContext({ baseURL })
  const writer = new AdminPage(await authorContext.newPage())
  await writer.login(author.email, author.password)
  const queue = writer.page.getByRole('region', { name: /Sent back to you/ })
  await expect(queue.getByRole('link', { name: headline })).toBeVisible()
  await expect(queue.getByText('Who delayed it, and why? Add a quote.')).toBeVisible()
  await authorContext.close()
})

test('a stale review move shows the server’s sentence in the toast', async ({ page, request }) => {
  const login = await createUser(request, 'author', 'stale-author')
  const authorHeaders = await headersOf(request, login)
  const { articleId } = await createArticle(request, authorHeaders, {
    headline: `Stale review ${Date.now().toString(36)}`,
    _status: 'draft',
    reviewStatus: 'in_review',
  })
  const admin = new AdminPage(page)
  await admin.login(login.email, login.password)
  await admin.open(`/admin/collections/articles/${articleId}`)
  const review = page.getByRole('region', { name: 'Review' })
  await expect(review.getByRole('status')).toHaveText(/In review/)

  // Meanwhile an editor sends it back; the author's form still offers "Take back to draft".
  const sentBack = await request.patch(`/api/articles/${articleId}?draft=true`, {
    headers: await headersOf(request, EDITOR),
    data: { reviewStatus: 'sent_back', reviewNote: 'Check the second figure.' },
  })
  expect(sentBack.ok()).toBe(true)
  await review.getByRole('button', { name: 'Take back to draft' }).click()
  await expect(
    page.getByText('Authors cannot move an article from "Sent back" to "Draft".'),
  ).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/The following field is invalid/)).toHaveCount(0)
})
