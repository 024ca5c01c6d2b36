import { editorHeaders } from './api'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(120_000)

test('an editor imports a Markdown file as a draft from the articles list; a broken file is refused line by line', async ({
  page,
  request,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/articles')
  const importer = page.getByText('Import an article from a Markdown or text file')

  // A broken file: the report names its lines, and nothing is saved.
  await importer.click()
  await page.getByLabel('File', { exact: true }).setInputFiles('tests/fixtures/broken-article.md')
  await page.getByRole('button', { name: 'Import as draft' }).click()
  const report = page.getByRole('alert').filter({ hasText: 'The file was not imported' })
  await expect(report).toContainText('The file was not imported; nothing was saved.')
  await expect(report).toContainText('Line 4: No desk called "Weather"')
  await expect(report).toContainText(
    'Line 18: This table row has 3 cells; the table has 2 columns.',
  )
  const headers = await editorHeaders(request)
  const storm = await (
    await request.get('/api/articles?draft=true&where[headline][equals]=Storm damage report', {
      headers,
    })
  ).json()
  expect(storm.totalDocs).toBe(0)

  // A good file becomes a draft and opens in the editor.
  await page.getByLabel('File', { exact: true }).setInputFiles('tests/fixtures/sample-article.md')
  await page.getByRole('button', { name: 'Import as draft' }).click()
  await page.waitForURL(/\/admin\/collections\/articles\/\d+$/)
  await page.waitForLoadState('networkidle')
  await expect(page.getByLabel('Headline')).toHaveValue(
    'Tidal power plant opens on the Severn estuary',
  )
  await expect(page.locator('#field-body__2__heading')).toHaveValue('The numbers')
  const id = page.url().split('/').pop()
  const draft = await (
    await request.get(`/api/articles/${id}?draft=true&depth=0`, { headers })
  ).json()
  expect(draft._status).toBe('draft')
  expect((await request.get(`/technology/${draft.slug}`)).status()).toBe(404)
})
