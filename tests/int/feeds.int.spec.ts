import Parser from 'rss-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { renderFeed } from '@/lib/feed'
import type { User } from '@/payload-types'
import { findFeedArticles } from '@/queries/feeds'

import { articleData, createUser, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'

const HEADLINE = `<script>alert(1)</script> Harbour ${Date.now()} <img src=x onerror=alert(1)>`
const DEK = 'Ships <img src=x onerror=alert(1)> & <script>alert(1)</script> move again'

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
    const articles = await findFeedArticles(null)
    feeds = {
      rss: renderFeed('rss', articles, null),
      atom: renderFeed('atom', articles, null),
      json: renderFeed('json', articles, null),
    }
  })

  it('RSS: the title is the headline as typed; the HTML description shows the dek and holds no markup', async () => {
    const feed = await new Parser().parseString(feeds.rss)
    const item = feed.items.find((entry) => entry.link?.includes('hostile-dek'))
    expect(item?.title).toBe(HEADLINE)
    expect(item?.contentSnippet).toBe(DEK)
    expectNoMarkup(item?.content, 'description')
    expectNoMarkup(item?.['content:encoded'], 'content:encoded')
  })

  it('Atom: title and summary are the text as typed; no HTML field holds markup', async () => {
    expect(feeds.atom).not.toContain('type="html"')
    const feed = await new Parser().parseString(feeds.atom)
    const item = feed.items.find((entry) => entry.link?.includes('hostile-dek'))
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
})
