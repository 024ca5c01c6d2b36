import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test('the admin calls a desk a desk: nav, dashboard, list column and the article’s field', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: 'Desks', exact: true })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Sections', exact: true })).toHaveCount(0)
  // The dashboard's card.
  await expect(page.getByRole('heading', { name: 'Desks', level: 3 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Sections' })).toHaveCount(0)

  await admin.open('/admin/collections/articles')
  // A header's name includes its sort buttons ("Desk Sort by Desk Ascending…").
  await expect(page.getByRole('columnheader', { name: /^Desk Sort/ })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: /^Section/ })).toHaveCount(0)

  await admin.open('/admin/collections/articles/create')
  await expect(admin.field('Desk')).toBeVisible()
  // The body's titled parts keep their name.
  await expect(page.getByRole('button', { name: 'Add Section' })).toBeVisible()
})
