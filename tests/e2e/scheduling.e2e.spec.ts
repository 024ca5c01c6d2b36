import { createArticle, editorHeaders, schedule, section } from './api'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(150_000)

test('an article scheduled a few seconds ahead is hidden until then, then live on its page, desk and feed', async ({
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Night train returns ${Date.now().toString(36)}`
  const { articleId, path } = await createArticle(request, headers, { headline, _status: 'draft' })
  await schedule(request, headers, articleId, new Date(Date.now() + 5_000))

  expect((await request.get(path)).status()).toBe(404)
  expect(await (await request.get('/world')).text()).not.toContain(headline)
  expect(await (await request.get('/feeds/world/rss.xml')).text()).not.toContain(headline)

  // The runner looks every second: live a second or two after the time set (the timeout is slack).
  await expect.poll(async () => (await request.get(path)).status(), { timeout: 60_000 }).toBe(200)
  await expect
    .poll(async () => (await request.get('/world')).text(), { timeout: 20_000 })
    .toContain(headline)
  await expect
    .poll(async () => (await request.get('/feeds/world/rss.xml')).text(), { timeout: 20_000 })
    .toContain(headline)
})

test('a scheduled publish that fails shows in the admin with its reason, and nothing goes live', async ({
  request,
  page,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Budget leak ${Date.now().toString(36)}`
  const { articleId, path } = await createArticle(request, headers, {
    headline,
    _status: 'draft',
    body: [section('The figures', 'Spending rises.'), { heading: 'Reaction' }],
  })
  const jobId = await schedule(request, headers, articleId, new Date(Date.now() + 1_000))

  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/payload-jobs/${jobId}`, { headers })).json()).hasError,
      {
        timeout: 60_000,
      },
    )
    .toBe(true)
  const job = await (await request.get(`/api/payload-jobs/${jobId}`, { headers })).json()
  expect(JSON.stringify(job.error)).toMatch(/checklist error/)
  expect((await request.get(path)).status()).toBe(404)

  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/payload-jobs')
  await expect(page.getByRole('heading', { name: 'Scheduled jobs' })).toBeVisible()
  // The failed job is listed for editors to see.
  await expect(page.getByText('schedulePublish').first()).toBeVisible()
})
