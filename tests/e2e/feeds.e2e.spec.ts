import Parser from 'rss-parser'

import { createArticle, editorHeaders } from './api'
import { expect, REFERENCE, test } from './fixtures'

const parser = new Parser({
  customFields: { item: [['category', 'categories', { keepArray: true }]] },
})

interface JsonFeed {
  version: string
  items: {
    url: string
    title: string
    summary?: string
    author?: { name: string }
    tags?: string[]
  }[]
}

for (const base of ['/feeds', '/feeds/technology']) {
  test(`${base}: RSS, Atom and JSON Feed parse and list the reference article with its dek, byline, topics and image`, async ({
    request,
  }) => {
    for (const file of ['rss.xml', 'atom.xml']) {
      const response = await request.get(`${base}/${file}`)
      expect(response.status(), file).toBe(200)
      expect(response.headers()['content-type']).toMatch(
        file === 'rss.xml' ? /rss\+xml/ : /atom\+xml/,
      )
      const feed = await parser.parseString(await response.text())
      const item = feed.items.find((entry) => entry.title === REFERENCE.headline)
      expect(item, file).toBeDefined()
      expect(item!.link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${REFERENCE.path}$`))
      expect(item!.contentSnippet ?? item!.summary ?? item!.content).toContain('Huawei')
      expect(JSON.stringify(item)).toContain('Archyde Staff')
      expect(JSON.stringify(item)).toContain('Semiconductors')
      if (file === 'rss.xml')
        expect(item!.enclosure?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/media\/file\//)
    }
    const json = await request.get(`${base}/feed.json`)
    expect(json.headers()['content-type']).toMatch(/feed\+json/)
    const feed = (await json.json()) as JsonFeed
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/)
    const item = feed.items.find((entry) => entry.title === REFERENCE.headline)
    expect(item?.url).toMatch(new RegExp(`${REFERENCE.path}$`))
    // JSON Feed 1 carries the first byline.
    expect(item?.author?.name).toBe('Archyde Staff')
    expect(item?.summary).toContain('Huawei')
  })
}

test('pages advertise the feeds; unknown feeds are 404; drafts never appear', async ({
  page,
  request,
}) => {
  await page.goto('/technology')
  const rss = page.locator('link[rel="alternate"][type="application/rss+xml"]')
  await expect(rss).toHaveCount(2)
  const hrefs = await rss.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  expect(hrefs.map((href) => new URL(href!).pathname)).toEqual([
    '/feeds/rss.xml',
    '/feeds/technology/rss.xml',
  ])
  for (const href of hrefs) expect((await request.get(href!)).status()).toBe(200)

  expect((await request.get('/feeds/nope.xml')).status()).toBe(404)
  expect((await request.get('/feeds/no-such-desk/rss.xml')).status()).toBe(404)

  const headers = await editorHeaders(request)
  const headline = `Unannounced merger ${Date.now()}`
  await createArticle(
    request,
    headers,
    { headline, dek: 'Not yet.', _status: 'draft' },
    'technology',
  )
  for (const path of ['/feeds/rss.xml', '/feeds/technology/atom.xml', '/feeds/feed.json']) {
    expect(await (await request.get(path)).text(), path).not.toContain(headline)
  }
})

test('publishing an article refreshes the feeds, the desk page and the sitemaps', async ({
  request,
}) => {
  const headers = await editorHeaders(request)
  // Read everything once, so the cache holds the old versions.
  const watched = [
    '/feeds/rss.xml',
    '/feeds/world/atom.xml',
    '/feeds/feed.json',
    '/world',
    '/sitemaps/news.xml',
  ]
  for (const path of watched) expect((await request.get(path)).status(), path).toBe(200)

  const headline = `Harbour reopens after storm ${Date.now()}`
  await createArticle(request, headers, { headline, dek: 'Ships are moving again.' })
  for (const path of watched) {
    await expect
      .poll(async () => (await (await request.get(path)).text()).includes(headline), {
        timeout: 10_000,
        message: `${path} lists the new article`,
      })
      .toBe(true)
  }
})
