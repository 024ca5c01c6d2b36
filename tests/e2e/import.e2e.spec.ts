import { editorHeaders } from './api'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(120_000)

test('an editor imports Markdown files as drafts from the articles list: what a file could not carry is listed beside the draft; an unreadable file is refused', async ({
  page,
  request,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/articles')
  const importer = page.getByText('Import an article from a Markdown or text file')
  const headers = await editorHeaders(request)

  // A file that is not text: refused with its reason, nothing saved.
  await importer.click()
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'photo.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
  })
  await page.getByRole('button', { name: 'Import as draft' }).click()
  const report = page.getByRole('alert').filter({ hasText: 'The file was not imported' })
  await expect(report).toContainText('The file was not imported; nothing was saved.')
  await expect(report).toContainText('This is not a text file.')

  // A file with problems becomes a draft; what it could not carry is listed in its sidebar.
  await page.getByLabel('File', { exact: true }).setInputFiles('tests/fixtures/broken-article.md')
  await page.getByRole('button', { name: 'Import as draft' }).click()
  await page.waitForURL(/\/admin\/collections\/articles\/\d+$/)
  await page.waitForLoadState('networkidle')
  await expect(page.getByLabel('Headline')).toHaveValue('Storm damage report')
  // The admin renders sidebar fields as they scroll into view.
  await page.locator('#field-importedFrom').scrollIntoViewIfNeeded()
  const notes = page.getByLabel('What the import could not carry exactly')
  await expect(notes).toHaveValue(/Line 4: No desk called "Weather" exists/)
  await expect(notes).toHaveValue(
    /Line 18: This table row has 3 cells; the table has 2 columns, so the last cell also holds "extra"\./,
  )
  await expect(page.getByLabel('I have checked these in the text')).not.toBeChecked()

  // A good file becomes a draft and opens in the editor.
  await admin.open('/admin/collections/articles')
  await page.getByText('Import an article from a Markdown or text file').click()
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
