import Parser from 'rss-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { renderFeed } from '@/lib/feed'
import type { User } from '@/payload-types'
import { findFeedArticles } from '@/queries/feeds'

import { articleData, createUser, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'

const HEADLINE = `<script>alert(1)</script> Harbour ${Date.now()} <img src=x onerror=alert(1)>`
const DEK = 'Ships <img src=x onerror=alert(1)> & <script>alert(1)</script> move again'
// xml-js escapes only the first `]]>` of a CDATA section: the second one closed it.
const BREAKOUT_HEADLINE = `H]]>one]]></title><link>https://evil.example/</link><title>Evil &amp; ${Date.now()}`
const BREAKOUT_DEK = 'D]]>x]]><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'
const AUTHOR_NAME = '0x10'

interface JsonFeedItem {
  title: string
  summary?: string
  content_text?: string
  content_html?: string
}

/** Markup is impossible in an HTML field without a `<`: no element, so no attribute either. */
function expectNoMarkup(html: unknown, where: string) {
  if (html !== undefined) expect(String(html), where).not.toContain('<')
}

/** The item of an RSS or Atom feed whose link holds `slug`, as a feed reader parses it. */
async function parsedItem(xml: string, slug: string) {
  const feed = await new Parser().parseString(xml)
  return feed.items.find((entry) => entry.link?.includes(slug))
}

describe('feeds carry headlines and deks as text', () => {
  let feeds: Record<'rss' | 'atom' | 'json', string>

  beforeAll(async () => {
    const payload = await testPayload()
    const editor: User = await createUser(payload, 'editor')
    await payload.create({
      collection: 'articles',
      data: articleData(await seededIds(payload), {
        headline: HEADLINE,
        slug: unique('hostile-dek'),
        dek: DEK,
      }),
      user: editor,
      overrideAccess: false,
    })
    const byline = await payload.create({
      collection: 'authors',
      data: { name: AUTHOR_NAME, slug: unique('hex-byline'), kind: 'person' },
    })
    await payload.create({
      collection: 'articles',
      data: articleData(
        { ...(await seededIds(payload)), authorId: byline.id },
        { headline: BREAKOUT_HEADLINE, slug: unique('cdata-breakout'), dek: BREAKOUT_DEK },
      ),
      user: editor,
      overrideAccess: false,
    })
    const articles = await findFeedArticles(null)
    feeds = {
      rss: renderFeed('rss', articles, null),
      atom: renderFeed('atom', articles, null),
      json: renderFeed('json', articles, null),
    }
  })

  it('RSS: the title is the headline as typed; the HTML description shows the dek and holds no markup', async () => {
    const item = await parsedItem(feeds.rss, 'hostile-dek')
    expect(item?.title).toBe(HEADLINE)
    expect(item?.contentSnippet).toBe(DEK)
    expectNoMarkup(item?.content, 'description')
    expectNoMarkup(item?.['content:encoded'], 'content:encoded')
  })

  it('Atom: title and summary are the text as typed; no HTML field holds markup', async () => {
    expect(feeds.atom).not.toContain('type="html"')
    const item = await parsedItem(feeds.atom, 'hostile-dek')
    expect(item?.title).toBe(HEADLINE)
    expect(item?.summary).toBe(DEK)
    expectNoMarkup(item?.content, 'content')
  })

  it('JSON Feed: title, summary and content_text are the text as typed; no content_html', () => {
    const { items } = JSON.parse(feeds.json) as { items: (JsonFeedItem & { url: string })[] }
    const item = items.find((entry) => entry.url.includes('hostile-dek'))
    expect(item?.title).toBe(HEADLINE)
    expect(item?.summary).toBe(DEK)
    expect(item?.content_text).toBe(DEK)
    expectNoMarkup(item?.content_html, 'content_html')
  })

  it.each([
    { format: 'rss', dekAs: 'contentSnippet' },
    { format: 'atom', dekAs: 'summary' },
  ] as const)(
    '$format: a headline or dek that closes the CDATA writes no element; the item gives both back as typed',
    async ({ format, dekAs }) => {
      expect(feeds[format]).not.toContain('<link>https://evil.example/')
      expect(feeds[format]).not.toContain('<script')
      const item = await parsedItem(feeds[format], 'cdata-breakout')
      expect(item?.title).toBe(BREAKOUT_HEADLINE)
      expect(item?.[dekAs]).toBe(BREAKOUT_DEK)
    },
  )

  it('Atom: a byline that looks like a number stays as typed', () => {
    expect(feeds.atom).toContain(`<name>${AUTHOR_NAME}</name>`)
  })
})
