import { plainTextToLexical, toLexical } from '@/seed/lexical'

import { createArticle, createUser, editorHeaders, headersOf } from './api'
import { AdminPage } from './pages/AdminPage'
import { expect, test } from './fixtures'

test.setTimeout(120_000)

test("an author's change to an FAQ a published article shows waits for an editor to publish it", async ({
  page,
  request,
}) => {
  const stamp = Date.now().toString(36)
  const liveQuestion = `Does the ferry run at night (${stamp})?`
  const proposedQuestion = `Does the ferry run on Sundays (${stamp})?`
  const author = await createUser(request, 'author')
  const authorHeaders = await headersOf(request, author)
  const editor = await editorHeaders(request)
  const created = await request.post('/api/faqs', {
    headers: authorHeaders,
    data: { question: liveQuestion, answer: plainTextToLexical('Until midnight.') },
  })
  expect(created.ok()).toBe(true)
  const faqId = ((await created.json()) as { doc: { id: number } }).doc.id
  const content = toLexical([{ type: 'faq', faqs: ['f'] }], {
    tables: new Map(),
    faqs: new Map([['f', faqId]]),
  })
  const { path } = await createArticle(request, editor, {
    headline: `Ferry timetable questions ${stamp}`,
    body: [{ heading: 'Timetable', content }],
  })
  const readerPage = async () => (await request.get(path)).text()
  await expect.poll(readerPage, { timeout: 10_000 }).toContain(liveQuestion)

  // The author proposes a change in the admin: saved as a draft, refused as a publish.
  const admin = new AdminPage(page)
  await admin.login(author.email, author.password)
  await admin.open(`/admin/collections/faqs/${faqId}`)
  await page.getByLabel('Question').fill(proposedQuestion)
  await page.getByRole('button', { name: 'Save Draft' }).click()
  const latestDraft = async () =>
    (
      (await (
        await request.get(`/api/faqs/${faqId}?draft=true`, { headers: authorHeaders })
      ).json()) as { question: string }
    ).question
  await expect.poll(latestDraft, { timeout: 10_000 }).toBe(proposedQuestion)
  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page.getByText(/an editor will publish it/)).toBeVisible()

  const asReader = await request.get(`/api/faqs/${faqId}`)
  expect(((await asReader.json()) as { question: string }).question).toBe(liveQuestion)
  expect(await readerPage()).toContain(liveQuestion)

  // An editor publishes it (taking over the author's open editor, as the admin's "Take over" does);
  // the reader page follows.
  const published = await request.patch(`/api/faqs/${faqId}?overrideLock=true`, {
    headers: editor,
    data: { _status: 'published' },
  })
  expect(published.ok(), await published.text()).toBe(true)
  await expect.poll(readerPage, { timeout: 10_000 }).toContain(proposedQuestion)
})
