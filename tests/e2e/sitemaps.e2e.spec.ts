import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { createArticle, editorHeaders } from './api'
import { expect, REFERENCE, test } from './fixtures'

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['sitemap', 'url'].includes(name),
})

function valid(text: string, what: string) {
  const result = XMLValidator.validate(text)
  expect(result, `${what} is well-formed XML`).toBe(true)
  return xml.parse(text)
}

test('robots.txt keeps crawlers out of the admin and the API and points at the sitemaps', async ({
  request,
  baseURL,
}) => {
  const text = await (await request.get('/robots.txt')).text()
  expect(text).toContain('Disallow: /admin')
  expect(text).toContain('Disallow: /api')
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`)
  expect(text).toContain(`Sitemap: ${baseURL}/sitemaps/news.xml`)
})

test('the sitemap index and every sitemap are valid XML whose absolute URLs all answer 200', async ({
  request,
  baseURL,
}) => {
  const index = valid(await (await request.get('/sitemap.xml')).text(), 'sitemap.xml')
  const files: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc)
  expect(files).toContain(`${baseURL}/sitemaps/news.xml`)
  const pages = new Set<string>()
  for (const file of files) {
    expect(file.startsWith(`${baseURL}/`), file).toBe(true)
    const response = await request.get(file)
    expect(response.status(), file).toBe(200)
    const parsed = valid(await response.text(), file)
    for (const url of parsed.urlset?.url ?? []) {
      expect(url.loc.startsWith(`${baseURL}/`), url.loc).toBe(true)
      pages.add(url.loc)
      if (!file.endsWith('news.xml')) expect(Date.parse(url.lastmod), url.loc).not.toBeNaN()
    }
  }
  expect(pages).toContain(`${baseURL}${REFERENCE.path}`)
  expect(pages).toContain(`${baseURL}/tags/semiconductors`)
  expect(pages).toContain(`${baseURL}/authors/archyde-staff`)
  expect(pages).toContain(`${baseURL}/technology`)
  for (const page of pages) expect((await request.get(page)).status(), page).toBe(200)
})

test('the news sitemap lists what was just published, by headline; no sitemap lists a draft', async ({
  request,
  baseURL,
}) => {
  const headers = await editorHeaders(request)
  const stamp = Date.now()
  const fresh = await createArticle(request, headers, {
    headline: `Ferry service resumes ${stamp}`,
  })
  const draft = await createArticle(request, headers, {
    headline: `Embargoed budget leak ${stamp}`,
    _status: 'draft',
  })

  type NewsUrl = { loc: string; 'news:news': Record<string, unknown> }
  const readNews = async (): Promise<NewsUrl[]> =>
    valid(await (await request.get('/sitemaps/news.xml')).text(), 'news.xml').urlset?.url ?? []
  // A publish reaches the sitemap within about a second (stale-while-revalidate).
  await expect
    .poll(async () => (await readNews()).some((url) => url.loc === `${baseURL}${fresh.path}`), {
      timeout: 10_000,
    })
    .toBe(true)
  const urls = await readNews()
  const entry = urls.find((url) => url.loc === `${baseURL}${fresh.path}`)
  expect(entry?.['news:news']).toMatchObject({
    'news:publication': { 'news:name': 'Broadsheet', 'news:language': 'en' },
    'news:title': `Ferry service resumes ${stamp}`,
  })
  for (const url of urls) {
    const published = Date.parse(String(url['news:news']['news:publication_date']))
    expect(Date.now() - published, url.loc).toBeLessThan(48 * 3_600_000 + 60_000)
  }
  // The reference article was published long before.
  expect(urls.map((url) => url.loc)).not.toContain(`${baseURL}${REFERENCE.path}`)

  const index = valid(await (await request.get('/sitemap.xml')).text(), 'sitemap.xml')
  for (const { loc } of index.sitemapindex.sitemap as { loc: string }[]) {
    const text = await (await request.get(loc)).text()
    expect(text, loc).not.toContain(draft.slug)
    expect(text, loc).not.toContain('Embargoed budget leak')
  }
})

test('no page in a crawl of the site links to a 404', async ({ request, baseURL }) => {
  const seen = new Set<string>(['/'])
  const queue = ['/']
  const broken: string[] = []
  while (queue.length > 0 && seen.size < 120) {
    const path = queue.shift()!
    const response = await request.get(path)
    if (response.status() !== 200) {
      broken.push(`${path} → ${response.status()}`)
      continue
    }
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue
    const html = await response.text()
    for (const [, href] of html.matchAll(/<a [^>]*href="([^"#]+)[^"]*"/g)) {
      const url = new URL(href!.replace(/&amp;/g, '&'), baseURL)
      if (url.origin !== new URL(baseURL!).origin) continue
      if (/^\/(admin|api|next)(\/|$)/.test(url.pathname)) continue
      const next = url.pathname + url.search
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  expect(broken).toEqual([])
  expect(seen.size).toBeGreaterThan(20)
})
