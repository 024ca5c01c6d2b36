import { createArticle, SAME_ORIGIN, section } from './api'
import { AdminPage } from './pages/AdminPage'
import { ArticlePage } from './pages/ArticlePage'
import { EDITOR, expect, test } from './fixtures'

test('an image in the text shows on the reader page with its caption and credit', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  const media = await (
    await page.request.get('/api/media?where[credit][exists]=true&limit=1&depth=0', {
      headers: SAME_ORIGIN,
    })
  ).json()
  const image = media.docs[0] as { id: number; alt: string; caption: string; credit: string }
  expect(image.caption, 'a seeded image with a caption').toBeTruthy()
  const text = section('Scene', 'The square before the vote.')
  text.content.root.children.push({
    type: 'upload',
    relationTo: 'media',
    value: image.id,
    fields: null,
    format: '',
    version: 3,
  })
  const { path } = await createArticle(page.request, SAME_ORIGIN, {
    headline: `Inline image ${Date.now().toString(36)}`,
    body: [text],
  })

  const reader = new ArticlePage(page)
  await reader.goto(path)
  const figure = page
    .getByRole('figure')
    .filter({ has: page.getByRole('img', { name: image.alt, exact: true }) })
  await expect(figure).toContainText(image.caption)
  await expect(figure).toContainText(`Credit: ${image.credit}`)
})
