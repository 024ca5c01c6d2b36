import pg from 'pg'

import { lexicalWithLinks } from '../support/factories'
import { HOSTILE_HREFS, isHostileHref } from '../support/hostileLinks'
import { createArticle, editorHeaders } from './api'
import { expect, test } from './fixtures'

const placeholder = (index: number) => `https://placeholder.example/${index}/`

/**
 * Saving such links is refused now (tests/int/links.int.spec.ts); a database
 * from before the URL policy may still hold them. Written straight into the
 * stored text, they must still never reach the reader's page.
 */
test('links and autolinks stored with hostile addresses reach the article page as plain words', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const { articleId, path } = await createArticle(request, headers, {
    headline: `Council links ${Date.now()}`,
    body: [
      {
        heading: 'Sources',
        content: lexicalWithLinks(
          HOSTILE_HREFS.flatMap((_, index) => [
            { text: `source ${index}`, href: placeholder(index) },
            { text: `address ${index}`, href: placeholder(index), type: 'autolink' as const },
          ]),
        ),
      },
    ],
  })
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await client.connect()
  try {
    for (const [index, href] of HOSTILE_HREFS.entries()) {
      // As JSON string contents, so tabs and backslashes land as the characters themselves.
      await client.query(
        'UPDATE articles_body SET content = replace(content::text, $1, $2)::jsonb WHERE _parent_id = $3',
        [placeholder(index), JSON.stringify(href).slice(1, -1), articleId],
      )
    }
  } finally {
    await client.end()
  }

  await page.goto(path)
  await expect(page.getByText('source 7')).toBeVisible()
  const hrefs = await page
    .locator('article a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  expect(hrefs.filter((href) => href.includes('placeholder.example'))).toEqual([])
  expect(hrefs.filter(isHostileHref)).toEqual([])
  expect(await page.content()).not.toContain('evil.example')
})
