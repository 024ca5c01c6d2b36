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
  const texts = new FeedTexts(format)
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
      title: texts.hold(article.headline),
      id: link,
      link,
      description: texts.hold(format === 'rss' ? escapeHtml(article.dek) : article.dek),
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
  if (format === 'rss') return texts.release(feed.rss2())
  if (format === 'atom') return texts.release(feed.atom1())
  return jsonAsText(feed.json1())
}

const HELD = /(type="html">)?<!\[CDATA\[broadsheet-feed-text-(\d+)\]\]>/g

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * `feed` wraps item titles and descriptions in CDATA through xml-js, which escapes only the
 * first `]]>` — a headline with two of them closes the CDATA and writes its own elements
 * into the item. So the XML formats get a placeholder, swapped afterwards for the text
 * XML-escaped (no `<` or `]]>` survives raw). Atom's `type="html"` on those elements
 * becomes `type="text"`: the text is text, not markup for a reader to render.
 * Reader-typed text only reaches the XML escaped, so it can never spell a placeholder.
 */
class FeedTexts {
  private readonly texts: string[] = []

  constructor(private readonly format: FeedFormat) {}

  hold(text: string): string {
    if (this.format === 'json') return text
    return `broadsheet-feed-text-${this.texts.push(text) - 1}`
  }

  release(xml: string): string {
    return xml.replace(HELD, (_, html: string | undefined, index: string) => {
      const text = escapeXml(this.texts[Number(index)]!)
      return html ? `type="text">${text}` : text
    })
  }
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
