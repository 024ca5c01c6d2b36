import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import { Feed } from 'feed'

import type { FeedArticle } from '@/queries/feeds'

import { site } from './site'
import { absoluteUrl, type FeedFormat, urls } from './urls'
import { lastModified } from '@/lib/lastModified'
import { escapeHtml } from '@/lib/unavailable'

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

function heroEnclosure(article: FeedArticle) {
  const hero = article.heroImage
  const size = hero?.sizes?.feature?.url ? hero.sizes.feature : hero
  if (!size?.url) return undefined
  return {
    url: absoluteUrl(size.url),
    type: size.mimeType ?? 'image/webp',
    length: size.filesize ?? 0,
    title: hero?.alt ?? undefined,
  }
}

/**
 * One feed (RSS 2.0, Atom 1.0 or JSON Feed 1.1) of the site or of one desk:
 * each item with its full dek, bylines, desk and topics as categories, and
 * the hero image as an enclosure. Every URL comes from src/lib/urls.ts.
 */
export function renderFeed(
  format: FeedFormat,
  articles: FeedArticle[],
  desk: { name: string; slug?: string | null } | null,
): string {
  const home = absoluteUrl(desk ? urls.desk(desk)! : urls.home())
  const feed = new Feed({
    title: desk ? `${desk.name} — ${site.name}` : `${site.name} — ${site.tagline}`,
    description: desk ? `The latest from the ${desk.name} desk.` : site.tagline,
    id: home,
    link: home,
    language: site.language,
    copyright: `© ${site.name}`,
    updated: new Date((articles[0] && lastModified(articles[0])) ?? Date.now()),
    generator: site.name,
    feedLinks: {
      rss: absoluteUrl(urls.feed('rss', desk)),
      atom: absoluteUrl(urls.feed('atom', desk)),
      json: absoluteUrl(urls.feed('json', desk)),
    },
  })
  for (const article of articles) {
    const path = urls.article(article)
    if (!path || !article.publishedAt) continue
    const link = absoluteUrl(path)
    const categories = [
      ...(article.section
        ? [{ name: article.section.name, domain: absoluteUrl(urls.desk(article.section)!) }]
        : []),
      ...article.tags.map((tag) => ({ name: tag.name, domain: absoluteUrl(urls.tag(tag)!) })),
    ]
    feed.addItem({
      // Headline and dek are plain text. RSS titles are text by the spec; RSS descriptions are
      // HTML, so the dek goes there escaped. Atom and JSON Feed are told it is text below.
      title: article.headline,
      id: link,
      link,
      description: format === 'rss' ? escapeHtml(article.dek) : article.dek,
      image: heroEnclosure(article)?.url,
      date: new Date(lastModified(article) ?? article.publishedAt),
      published: new Date(article.publishedAt),
      author: article.authors.map((author) => ({
        name: author.name,
        link: urls.author(author) ? absoluteUrl(urls.author(author)!) : undefined,
      })),
      category: categories,
      enclosure: heroEnclosure(article),
    })
  }
  if (format === 'rss') return feed.rss2()
  if (format === 'atom') return atomAsText(feed.atom1())
  return jsonAsText(feed.json1())
}

const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  cdataPropName: '#cdata',
  suppressEmptyNode: true,
} as const

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

/**
 * `feed` marks every Atom entry's title and summary `type="html"` and hands over our plain
 * text as that HTML; a headline `<img onerror=…>` would then be markup to every reader.
 * The text is already XML-escaped (CDATA), so declaring it `type="text"` makes it text.
 */
function atomAsText(xml: string): string {
  const tree = new XMLParser(XML_OPTIONS).parse(xml) as XmlNode[]
  const feed = tree.find((node) => 'feed' in node)?.feed as XmlNode[] | undefined
  for (const entry of feed ?? []) {
    if (!('entry' in entry)) continue
    for (const field of entry.entry as XmlNode[]) {
      if (('title' in field || 'summary' in field) && field[':@']) field[':@']['@_type'] = 'text'
    }
  }
  return new XMLBuilder(XML_OPTIONS).build(tree) as string
}

/** JSON Feed: the dek as `content_text`, never as `content_html` (see atomAsText). */
function jsonAsText(json: string): string {
  const feed = JSON.parse(json) as { items: Record<string, unknown>[] }
  for (const item of feed.items) {
    item.content_text = item.content_html
    item.summary = item.content_html
    delete item.content_html
  }
  return JSON.stringify(feed, null, 2)
}
