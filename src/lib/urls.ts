import { env } from '@/env'

/**
 * The one rule for a document's public URL. Pages, links, canonical tags,
 * preview, revalidation (and later feeds, sitemaps and redirects) use it.
 */
type SlugRef = { slug?: string | null } | string | number | null | undefined

function slugOf(ref: SlugRef): string | null {
  if (ref && typeof ref === 'object' && typeof ref.slug === 'string' && ref.slug) return ref.slug
  return null
}

export type FeedFormat = 'rss' | 'atom' | 'json'
export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
}

/** The format a feed file name asks for, or null for anything else: `urls.feed` read backwards. */
export function feedFormat(file: string): FeedFormat | null {
  const entry = Object.entries(FEED_FILES).find(([, name]) => name === file)
  return entry ? (entry[0] as FeedFormat) : null
}

export const urls = {
  home: () => '/',
  desk: (desk: SlugRef) => {
    const slug = slugOf(desk)
    return slug ? `/${slug}` : null
  },
  /** `/{section-slug}/{article-slug}`; null while the article has no section or slug. */
  article: (article: { slug?: string | null; section?: SlugRef }) => {
    const section = slugOf(article.section ?? null)
    return section && article.slug ? `/${section}/${article.slug}` : null
  },
  /** A topic page. */
  tag: (tag: SlugRef) => {
    const slug = slugOf(tag)
    return slug ? `/tags/${slug}` : null
  },
  /** A byline's page: bio, photo, their articles. */
  author: (author: SlugRef) => {
    const slug = slugOf(author)
    return slug ? `/authors/${slug}` : null
  },
  /** A feed of the whole site, or of one desk: RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
  feed: (format: FeedFormat, section?: SlugRef) => {
    const slug = section ? slugOf(section) : null
    return slug ? `/feeds/${slug}/${FEED_FILES[format]}` : `/feeds/${FEED_FILES[format]}`
  },
  /** The Google News sitemap (articles of the last 48 hours). */
  newsSitemap: () => '/sitemaps/news.xml',
  search: (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : '/search'),
  /** Page `n` of a listing; page 1 is the listing's own URL. */
  page: (path: string, n: number) => {
    if (n <= 1) return path
    return `${path}${path.includes('?') ? '&' : '?'}page=${n}`
  },
  /** The publisher's logo (drawn by next/og), for structured data. */
  logo: () => '/og/logo',
  /** A share image: an article's card, or the site's. */
  ogImage: (article?: { slug?: string | null; section?: SlugRef }) => {
    const path = article ? urls.article(article) : null
    return path ? `/og${path}` : '/og/site'
  },
  /** Anchor of a section of an article body. */
  anchor: (anchor: string) => `#${anchor}`,
}

/** Absolute form of a site path, for canonical and OpenGraph URLs. */
export function absoluteUrl(path: string): string {
  return new URL(path, env.NEXT_PUBLIC_SERVER_URL).toString()
}
