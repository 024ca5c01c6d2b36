import type { Locator } from '@playwright/test'

import { createUser } from './api'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

/**
 * Whether each of `locators` comes after the one before it in the page: the sidebar's order as
 * a person reads it down the column (the sidebar scrolls on its own, so positions would not do).
 */
async function inOrder(locators: Locator[]): Promise<boolean> {
  const handles = await Promise.all(locators.map((locator) => locator.first().elementHandle()))
  const page = locators[0]!.page()
  return page.evaluate(
    (elements) =>
      elements.every(
        (element, index) =>
          index === 0 ||
          Boolean(
            elements[index - 1]!.compareDocumentPosition(element!) &
            Node.DOCUMENT_POSITION_FOLLOWING,
          ),
      ),
    handles,
  )
}

test('an editor’s sidebar opens with desk, byline, tags, date and checklist; an author’s with the review box', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const editor = new AdminPage(page)
  await editor.login(EDITOR.email, EDITOR.password)
  await editor.open('/admin/collections/articles/create')
  const review = page.getByRole('region', { name: 'Review' })
  const submit = review.getByRole('button', { name: 'Submit for review' })
  expect(
    await inOrder([
      editor.field('Desk'),
      editor.field('Byline'),
      editor.field('Tags'),
      editor.field('Published'),
      page.getByRole('region', { name: 'Publish checklist' }),
      submit,
      page.getByLabel('Note for the author'),
    ]),
  ).toBe(true)

  const login = await createUser(request, 'author', 'sidebar-author')
  const authorContext = await browser.newContext({ baseURL })
  const authorPage = await authorContext.newPage()
  const author = new AdminPage(authorPage)
  await author.login(login.email, login.password)
  await author.open('/admin/collections/articles/create')
  const authorSubmit = authorPage
    .getByRole('region', { name: 'Review' })
    .getByRole('button', { name: 'Submit for review' })
  expect(await inOrder([authorSubmit, author.field('Desk'), author.field('Byline')])).toBe(true)
  // Authors cannot write the editor's note: they read it in the review box.
  await expect(authorPage.getByLabel('Note for the author')).toHaveCount(0)
  await authorContext.close()
})
