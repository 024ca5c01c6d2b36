import { createArticle, editorHeaders } from './api'
import { expect, test } from './fixtures'

test('a correction is shown at the end of the article, dates it as updated and is in its JSON-LD', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const { articleId, path } = await createArticle(request, headers, {
    headline: `Chip prices fall ${Date.now().toString(36)}`,
  })
  const text = 'An earlier version of this article gave the price as $400. It is $4,000.'
  const date = new Date().toISOString()
  const patch = await request.patch(`/api/articles/${articleId}`, {
    headers,
    data: {
      _status: 'published',
      corrections: [{ kind: 'correction', date, substantive: true, text }],
    },
  })
  expect(patch.ok()).toBe(true)

  await expect(async () => {
    await page.goto(path)
    await expect(page.getByRole('region', { name: 'Corrections and updates' })).toContainText(text)
  }).toPass({ timeout: 20_000 })
  const log = page.getByRole('region', { name: 'Corrections and updates' })
  await expect(log.getByRole('listitem')).toHaveCount(1)
  await expect(log.getByText('Correction', { exact: true })).toBeVisible()
  await expect(page.locator('.article__meta')).toContainText('Updated')

  const data = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((script) => JSON.parse(script.textContent ?? '{}')))
  const article = data.find((entry) => entry['@type'] === 'NewsArticle')
  expect(article.dateModified).toBe(date)
  expect(article.correction).toEqual([
    expect.objectContaining({
      '@type': 'CorrectionComment',
      text,
      datePublished: date,
    }),
  ])
})
