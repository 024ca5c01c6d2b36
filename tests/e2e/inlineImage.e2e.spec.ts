import sharp from 'sharp'

import { createArticle, SAME_ORIGIN, section } from './api'
import { AdminPage } from './pages/AdminPage'
import { ArticlePage } from './pages/ArticlePage'
import { EDITOR, expect, test } from './fixtures'

test('an image in the text shows on the reader page with its caption and credit', async ({
  page,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  // An image of the test's own, uploaded as the admin does, with a caption and credit to look for.
  const stamp = Date.now().toString(36)
  const png = await sharp({
    create: { width: 640, height: 400, channels: 3, background: { r: 40, g: 90, b: 140 } },
  })
    .png()
    .toBuffer()
  const image = {
    alt: `The square at dusk ${stamp}`,
    caption: `Voters queue in the square (${stamp}).`,
    credit: `Lena Park ${stamp}`,
  }
  const uploaded = await page.request.post('/api/media', {
    headers: SAME_ORIGIN,
    multipart: {
      file: { name: `square-${stamp}.png`, mimeType: 'image/png', buffer: png },
      _payload: JSON.stringify(image),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const { doc } = (await uploaded.json()) as { doc: { id: number } }
  const text = section('Scene', 'The square before the vote.')
  text.content.root.children.push({
    type: 'upload',
    relationTo: 'media',
    value: doc.id,
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
