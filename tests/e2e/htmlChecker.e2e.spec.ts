import { expect, REFERENCE, test } from './fixtures'
import { htmlErrors } from './vnu'

/** Every kind of page a reader can land on, as the server sends it. */
const PAGES = [
  '/',
  '/technology',
  REFERENCE.path,
  '/tags/semiconductors',
  '/authors/archyde-staff',
  '/search',
  '/search?q=chips',
  '/search?q=nothingmatchesthisword',
  '/technology/no-such-article',
]

test('every reader page is valid HTML by the W3C checker (no errors)', async ({ request }) => {
  test.setTimeout(120_000)
  const documents: Record<string, string> = {}
  for (const page of PAGES) {
    const response = await request.get(page)
    expect(response.headers()['content-type'], page).toContain('text/html')
    documents[page] = await response.text()
  }
  expect(await htmlErrors(documents)).toEqual([])
})
