import { createArticle, editorHeaders, section } from './api'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, REFERENCE, test } from './fixtures'

test.setTimeout(120_000)

test('the publish checklist shows the reference article’s findings beside the editor', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const found = await (
    await request.get(`/api/articles?where[slug][equals]=${REFERENCE.path.split('/').pop()}`, {
      headers,
    })
  ).json()
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open(`/admin/collections/articles/${found.docs[0].id}`)
  const panel = page.getByRole('region', { name: 'Publish checklist' })
  // The first check of the 100 KB reference article takes a while on a busy machine.
  await expect(panel.getByText(/\d+ errors block publishing/)).toBeVisible({ timeout: 60_000 })
  await expect(panel.getByText(/Section 10 “Okay, here’s a breakdown.*has no text/)).toBeVisible()
  await expect(
    panel.getByText(/The headline “Ren Zhengfei Says.*is not in sentence case/),
  ).toBeVisible()
})

test('an editor is stopped from publishing over an error, then publishes with a recorded reason', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Flood defences tested ${Date.now().toString(36)}`
  const { articleId, path } = await createArticle(request, headers, {
    headline,
    _status: 'draft',
    body: [section('What happened', 'The barrier closed at dawn.'), { heading: 'Reaction' }],
  })
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open(`/admin/collections/articles/${articleId}`)
  const panel = page.getByRole('region', { name: 'Publish checklist' })
  await expect(panel.getByText('1 error blocks publishing.', { exact: false })).toBeVisible({
    timeout: 60_000,
  })

  expect((await admin.publish()).ok()).toBe(false)
  // The refusal stays beside the reason field (the toast that also says it soon goes).
  await expect(
    page.getByText(
      /Publishing is blocked by 1 checklist error.*write here why it should be published/,
    ),
  ).toBeVisible()
  expect((await request.get(path)).status()).toBe(404)

  await page
    .getByLabel('Publish despite checklist errors, because…')
    .fill('Reaction follows within the hour.')
  expect((await admin.publish()).ok()).toBe(true)
  await expect.poll(async () => (await request.get(path)).status(), { timeout: 20_000 }).toBe(200)
  const stored = await (await request.get(`/api/articles/${articleId}`, { headers })).json()
  expect(stored.checklistOverrides[0]).toMatchObject({
    reason: 'Reaction follows within the hour.',
  })
})

test('a new, empty article’s checklist lists what is missing instead of failing', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/articles/create')
  const checklist = page.getByRole('region', { name: 'Publish checklist' })
  await expect(checklist.getByText('5 errors block publishing.', { exact: false })).toBeVisible({
    timeout: 30_000,
  })
  await expect(checklist.getByText('No desk is chosen: choose one under Desk.')).toBeVisible()
  await expect(
    checklist.getByText('The article has no byline: add one under Byline.'),
  ).toBeVisible()
  await expect(checklist.getByText(/could not be run/)).toHaveCount(0)
})
