import type { Browser, Response } from '@playwright/test'

import { createArticle, createUser, editorHeaders, type Login, section, storedArticle } from './api'
import { EDITOR, expect, test } from './fixtures'
import { AdminPage } from './pages/AdminPage'
import { plainText } from '@/lib/richText'

test.setTimeout(240_000)

const HEADINGS = ['Background', 'Analysis', 'Outlook']

/** A published article with three sections, and a second editor to share it with. */
async function story(request: Parameters<typeof editorHeaders>[0], label: string) {
  const headers = await editorHeaders(request)
  const article = await createArticle(request, headers, {
    headline: `Two editors ${label} ${Date.now().toString(36)}`,
    body: HEADINGS.map((heading) => section(heading, `${heading} as first written.`)),
  })
  const second = await createUser(request, 'editor', 'second-editor')
  return { ...article, second, headers }
}

/** An editor in a browser of their own with the article open. */
async function editorOn(browser: Browser, baseURL: string, login: Login, articleId: number) {
  const context = await browser.newContext({ baseURL })
  const admin = new AdminPage(await context.newPage())
  await admin.login(login.email, login.password)
  await admin.open(`/admin/collections/articles/${articleId}`)
  await expect(admin.sectionText(2)).toBeVisible()
  return admin
}

/** Types at the end of a section's text. */
async function append(admin: AdminPage, index: number, text: string) {
  await admin.sectionText(index).click()
  await admin.page.keyboard.press('ControlOrMeta+End')
  await admin.page.keyboard.type(text)
}

/** The next autosave's answer. */
function autosave(admin: AdminPage): Promise<Response> {
  return admin.page.waitForResponse(
    (response) =>
      response.request().method() === 'PATCH' &&
      /\/api\/articles\/\d+\?/.test(response.url()) &&
      response.url().includes('draft=true'),
    { timeout: 30_000 },
  )
}

async function draftTexts(
  request: Parameters<typeof editorHeaders>[0],
  headers: Record<string, string>,
  articleId: number,
  draft = true,
): Promise<string[]> {
  const doc = await storedArticle(request, headers, { id: articleId }, { draft })
  return (doc?.body ?? []).map((part) => plainText(part.content))
}

test('two editors publish changes to different sections: both reach the live page', async ({
  browser,
  baseURL,
  request,
}) => {
  const { articleId, path, second, headers } = await story(request, 'publish')
  const maya = await editorOn(browser, baseURL!, EDITOR, articleId)
  const tomas = await editorOn(browser, baseURL!, second, articleId)

  await append(maya, 0, ' Maya adds context.')
  expect((await maya.publish()).status()).toBe(200)
  // Tomás's form was loaded before Maya published.
  await append(tomas, 2, ' Tomás adds a forecast.')
  expect((await tomas.publish()).status()).toBe(200)

  await expect
    .poll(() => draftTexts(request, headers, articleId, false))
    .toEqual([
      'Background as first written. Maya adds context.',
      'Analysis as first written.',
      'Outlook as first written. Tomás adds a forecast.',
    ])
  await expect(async () => {
    const page = await request.get(path)
    const html = await page.text()
    expect(html).toContain('Maya adds context.')
    expect(html).toContain('Tomás adds a forecast.')
  }).toPass({ timeout: 20_000 })
  await maya.page.context().close()
  await tomas.page.context().close()
})

test('two editors autosave the same story: different sections merge; the same section shows the conflict view, and the chosen text goes live', async ({
  browser,
  baseURL,
  request,
}) => {
  const { articleId, path, second, headers } = await story(request, 'autosave')
  const maya = await editorOn(browser, baseURL!, EDITOR, articleId)
  const tomas = await editorOn(browser, baseURL!, second, articleId)

  // Different sections, autosaved only: both kept in the draft.
  let saved = autosave(maya)
  await append(maya, 0, ' Maya was here.')
  expect((await saved).status()).toBe(200)
  saved = autosave(tomas)
  await append(tomas, 2, ' Tomás was here.')
  expect((await saved).status()).toBe(200)
  await expect
    .poll(() => draftTexts(request, headers, articleId))
    .toEqual([
      'Background as first written. Maya was here.',
      'Analysis as first written.',
      'Outlook as first written. Tomás was here.',
    ])

  // The same section on both sides: the later save is refused and Tomás sees both versions.
  saved = autosave(maya)
  await append(maya, 1, ' Maya’s reading.')
  expect((await saved).status()).toBe(200)
  const refused = autosave(tomas)
  await append(tomas, 1, ' Tomás’s reading.')
  expect((await refused).status()).toBe(409)
  const conflict = tomas.page.getByRole('region', { name: 'Conflict in "Analysis"' })
  await expect(conflict).toBeVisible()
  await expect(conflict.getByRole('alert')).toContainText('Section "Analysis" was changed by')
  await expect(conflict.getByTestId('their-version')).toContainText(
    'Analysis as first written. Maya’s reading.',
  )
  await expect(conflict.getByTestId('your-version')).toContainText(
    'Analysis as first written. Tomás’s reading.',
  )
  // Nothing Tomás typed is lost: it is still in his editor.
  await expect(tomas.sectionText(1)).toContainText('Tomás’s reading.')

  // Tomás keeps his version and publishes: exactly his text is live, the rest merged.
  saved = autosave(tomas)
  await conflict.getByRole('button', { name: 'Keep my version' }).click()
  expect((await saved).status()).toBe(200)
  await expect(conflict).toBeHidden()
  expect((await tomas.publish()).status()).toBe(200)
  await expect
    .poll(() => draftTexts(request, headers, articleId, false))
    .toEqual([
      'Background as first written. Maya was here.',
      'Analysis as first written. Tomás’s reading.',
      'Outlook as first written. Tomás was here.',
    ])
  await expect(async () => {
    const html = await (await request.get(path)).text()
    expect(html).toContain('Tomás’s reading.')
    expect(html).not.toContain('Maya’s reading.')
  }).toPass({ timeout: 20_000 })
  await maya.page.context().close()
  await tomas.page.context().close()
})

test('the same headline changed by two editors: the later one sees both and takes theirs', async ({
  browser,
  baseURL,
  request,
}) => {
  const { articleId, second, headers } = await story(request, 'headline')
  const maya = await editorOn(browser, baseURL!, EDITOR, articleId)
  const tomas = await editorOn(browser, baseURL!, second, articleId)
  const original = await maya.page.getByLabel('Headline').inputValue()

  let saved = autosave(maya)
  await maya.page.getByLabel('Headline').fill(`${original}: Maya’s headline`)
  expect((await saved).status()).toBe(200)
  const refused = autosave(tomas)
  await tomas.page.getByLabel('Headline').fill(`${original}: Tomás’s headline`)
  expect((await refused).status()).toBe(409)

  const conflict = tomas.page.getByRole('region', { name: 'Conflict in headline' })
  await expect(conflict.getByRole('alert')).toContainText('The "Headline" field was changed by')
  await expect(conflict.getByTestId('their-version')).toHaveText(`${original}: Maya’s headline`)
  await expect(conflict.getByTestId('your-version')).toHaveText(`${original}: Tomás’s headline`)
  saved = autosave(tomas)
  await conflict.getByRole('button', { name: 'Use their version' }).click()
  expect((await saved).status()).toBe(200)
  await expect(conflict).toBeHidden()
  await expect(tomas.page.getByLabel('Headline')).toHaveValue(`${original}: Maya’s headline`)
  const stored = await storedArticle(request, headers, { id: articleId }, { draft: true })
  expect(stored?.headline).toBe(`${original}: Maya’s headline`)
  await maya.page.context().close()
  await tomas.page.context().close()
})

test('one editor takes over: the other tab stops saving, what both saved survives, and the same section still shows the conflict view', async ({
  browser,
  baseURL,
  request,
}) => {
  const { articleId, path, second, headers } = await story(request, 'take-over')
  const maya = await editorOn(browser, baseURL!, EDITOR, articleId)
  const tomas = await editorOn(browser, baseURL!, second, articleId)

  let saved = autosave(maya)
  await append(maya, 0, ' Maya’s background.')
  expect((await saved).status()).toBe(200)
  saved = autosave(maya)
  await append(maya, 1, ' Maya’s analysis.')
  expect((await saved).status()).toBe(200)

  // Tomás (his form loaded before Maya's saves) takes over; Maya is told and her tab stops saving.
  await expect(tomas.page.getByRole('status', { name: 'Also editing this story' })).toHaveText(
    / is in | has this story open/,
  )
  await tomas.page.locator('.bs-presence').getByRole('button', { name: 'Take over' }).click()
  await expect(maya.page.getByRole('dialog', { name: /took over this story/ })).toBeVisible({
    timeout: 10_000,
  })

  // His first change is to the section Maya changed: the conflict view, nothing lost.
  const refused = autosave(tomas)
  await append(tomas, 1, ' Tomás’s analysis.')
  expect((await refused).status()).toBe(409)
  const conflict = tomas.page.getByRole('region', { name: 'Conflict in "Analysis"' })
  await expect(conflict.getByTestId('their-version')).toContainText('Maya’s analysis.')
  await expect(conflict.getByTestId('your-version')).toContainText('Tomás’s analysis.')
  saved = autosave(tomas)
  await conflict.getByRole('button', { name: 'Keep my version' }).click()
  expect((await saved).status()).toBe(200)

  saved = autosave(tomas)
  await append(tomas, 2, ' Tomás’s outlook.')
  expect((await saved).status()).toBe(200)
  expect((await tomas.publish()).status()).toBe(200)
  await expect
    .poll(() => draftTexts(request, headers, articleId, false))
    .toEqual([
      'Background as first written. Maya’s background.',
      'Analysis as first written. Tomás’s analysis.',
      'Outlook as first written. Tomás’s outlook.',
    ])
  await expect(async () => {
    const html = await (await request.get(path)).text()
    expect(html).toContain('Tomás’s analysis.')
    expect(html).toContain('Maya’s background.')
  }).toPass({ timeout: 20_000 })
  await maya.page.context().close()
  await tomas.page.context().close()
})
