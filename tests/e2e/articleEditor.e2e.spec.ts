import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test('the editor counts the headline’s characters and the article’s words and reading time as they are typed', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/articles/create')
  await expect(page.getByText('0 / 110 characters')).toBeVisible()
  const headline = 'Council approves the tram extension to the hospital'
  await page.getByLabel('Headline').fill(headline)
  await expect(page.getByText(`${headline.length} / 110 characters`)).toBeVisible()
  await page.getByLabel('Headline').fill('x'.repeat(115))
  await expect(page.getByText(/115 \/ 110 characters \(5 over/)).toBeVisible()

  await page.getByLabel('Dek (summary)').fill('Four words of dek.')
  await expect(page.getByText('4 words · 1 min read')).toBeVisible()
  await page.getByRole('button', { name: 'Add Section' }).click()
  await page.getByLabel('Heading').fill('Why')
  await admin.composeText(admin.sectionText(0), 'The council voted 41 to 9 for the line.', [])
  // The dek, the heading and the text, as the reader page counts them.
  await expect(page.getByText('14 words · 1 min read')).toBeVisible()
})
