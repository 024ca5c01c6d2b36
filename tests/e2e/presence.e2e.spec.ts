import type { APIRequestContext, Browser, Page, Request } from '@playwright/test'

import {
  createArticle,
  createUser,
  editorHeaders,
  headersOf,
  SAME_ORIGIN,
  section,
  storedArticle,
} from './api'
import { AdminPage } from './pages/AdminPage'
import { expect, test } from './fixtures'

test.setTimeout(180_000)

/** Requests from `page` that would change article `id`: saves, autosaves, publishes. */
function recordSaves(page: Page, id: number): Request[] {
  const saves: Request[] = []
  const save = new RegExp(`/api/articles/${id}(\\?|$)`)
  page.on('request', (request) => {
    if (request.method() !== 'GET' && save.test(request.url())) saves.push(request)
  })
  return saves
}

/** Resolves after `count` more presence heartbeats from `page` have been answered (3 s apart). */
async function heartbeats(page: Page, id: number, count: number) {
  for (let beat = 0; beat < count; beat += 1) {
    await page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        response.url().endsWith(`/api/articles/${id}/presence`),
    )
  }
}

async function editorIn(
  browser: Browser,
  baseURL: string,
  login: { email: string; password: string },
) {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  const admin = new AdminPage(page)
  await admin.login(login.email, login.password)
  return { context, page, admin }
}

/** Two editor accounts of the test's own, Maya and Sam, and a published story with two sections. */
async function twoEditorsOnAStory(request: APIRequestContext, headline: string) {
  const stamp = Date.now().toString(36)
  const mayaName = `Maya Okafor ${stamp}`
  const samName = `Sam Reyes ${stamp}`
  const mayaLogin = await createUser(request, 'editor', 'maya', mayaName)
  const samLogin = await createUser(request, 'editor', 'sam', samName)
  const headers = await editorHeaders(request)
  const { articleId } = await createArticle(request, headers, {
    headline: `${headline} ${stamp}`,
    body: [section('What happened'), section('What comes next')],
  })
  const editPath = `/admin/collections/articles/${articleId}`
  return { mayaName, samName, mayaLogin, samLogin, headers, articleId, editPath }
}

test('two editors on one story see each other by name and section; a take-over stops the other tab saving and keeps its text in view', async ({
  browser,
  baseURL,
  request,
}) => {
  const { mayaName, samName, mayaLogin, samLogin, headers, articleId, editPath } =
    await twoEditorsOnAStory(request, 'Council approves the harbour plan')

  const maya = await editorIn(browser, baseURL!, mayaLogin)
  const sam = await editorIn(browser, baseURL!, samLogin)
  await maya.admin.open(editPath)
  await sam.admin.open(editPath)

  // Each sees the other by name, and the section the other's cursor is in.
  await maya.page.locator('#field-body__1__heading').click()
  await sam.page.locator('#field-body__0__heading').click()
  const samSees = sam.page.getByRole('status', { name: 'Also editing this story' })
  const mayaSees = maya.page.getByRole('status', { name: 'Also editing this story' })
  await expect(samSees).toHaveText(`${mayaName} is in “What comes next”`)
  await expect(mayaSees).toHaveText(`${samName} is in “What happened”`)

  // Maya takes over; Sam is told at once, by name.
  const samSaves = recordSaves(sam.page, articleId)
  await maya.page.getByRole('button', { name: 'Take over' }).click()
  const told = sam.page.getByRole('dialog', { name: `${mayaName} took over this story` })
  await expect(told).toBeVisible({ timeout: 6_000 })
  await expect(told).toContainText('Saving has stopped in this window')
  await told.getByRole('button', { name: 'Keep my text in view' }).click()
  await expect(
    sam.page.getByRole('alert').filter({ hasText: `${mayaName} took over this story` }),
  ).toBeVisible()
  await expect(mayaSees).toHaveText('')

  // Sam keeps typing: it stays in his window, and nothing is sent to be saved — over three
  // heartbeats (6 s or more), longer than autosave's 2 s wait.
  const samHeading = sam.page.locator('#field-body__0__heading')
  await samHeading.fill('What Sam typed after the take-over')
  await heartbeats(sam.page, articleId, 3)
  expect(samSaves.map((save) => save.url())).toEqual([])
  await expect(samHeading).toHaveValue('What Sam typed after the take-over')

  // Even a save sent from Sam's tab by hand is refused, naming who took over.
  const sessionOfSam = await sam.page.locator('input[name="editSession"]').inputValue()
  expect(sessionOfSam).toMatch(/^[0-9a-f-]{36}$/)
  const refused = await sam.page.request.patch(
    `/api/articles/${articleId}?draft=true&autosave=true`,
    {
      headers: SAME_ORIGIN,
      data: { body: [{ heading: 'Sent anyway' }], editSession: sessionOfSam },
    },
  )
  expect(refused.status()).toBe(409)
  expect((await refused.json()).errors[0].message).toContain(`${mayaName} took over this story`)

  // Maya's changes are kept.
  const saved = maya.page.waitForResponse(
    (response) =>
      response.request().method() === 'PATCH' &&
      response.url().includes(`/api/articles/${articleId}?`) &&
      response.url().includes('autosave=true'),
  )
  await maya.page.locator('#field-body__1__heading').fill('What comes next, and when')
  expect((await saved).ok()).toBe(true)
  const stored = await storedArticle(request, headers, { id: articleId }, { draft: true })
  expect(stored?.body.map((row) => row.heading)).toEqual([
    'What happened',
    'What comes next, and when',
  ])

  await maya.context.close()
  await sam.context.close()
})

test("Payload's document-lock dialog names the colleague holding the story, and its Take over tells them at once", async ({
  browser,
  baseURL,
  request,
}) => {
  const { mayaName, samName, mayaLogin, samLogin, articleId, editPath } = await twoEditorsOnAStory(
    request,
    'Ferry timetable changes',
  )
  const sam = await editorIn(browser, baseURL!, samLogin)
  await sam.admin.open(editPath)

  // Sam typed a moment ago: Payload holds the story for him until his autosave, as its admin does.
  const samHeaders = await headersOf(request, samLogin)
  const samId = (await (await request.get('/api/users/me', { headers: samHeaders })).json()).user.id
  const lock = await request.post('/api/payload-locked-documents', {
    headers: samHeaders,
    data: {
      document: { relationTo: 'articles', value: articleId },
      user: { relationTo: 'users', value: samId },
    },
  })
  expect(lock.ok()).toBe(true)

  const maya = await editorIn(browser, baseURL!, mayaLogin)
  await maya.page.goto(editPath)
  const locked = maya.page.getByRole('dialog', { name: 'document-locked' })
  await expect(locked.getByRole('heading', { name: 'Document locked' })).toBeVisible()
  await expect(locked.getByText(samName, { exact: true })).toBeVisible()
  await expect(locked.getByText(/User: \d+/)).toHaveCount(0)

  await locked.getByRole('button', { name: 'Take over' }).click()
  await expect(
    sam.page.getByRole('dialog', { name: `${mayaName} took over this story` }),
  ).toBeVisible({
    timeout: 6_000,
  })

  await maya.context.close()
  await sam.context.close()
})
