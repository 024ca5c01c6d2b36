import { site } from './site'
import { FEED_FILES, type FeedFormat, urls } from './urls'

/** The format a feed file name asks for, or null for anything else. */
export function feedFormat(file: string): FeedFormat | null {
  const entry = Object.entries(FEED_FILES).find(([, name]) => name === file)
  return entry ? (entry[0] as FeedFormat) : null
}

const MIME: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
}
const LABEL: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }

/**
 * `<link rel="alternate">` entries for Next's metadata: the site's feeds, and
 * a desk's when a page belongs to one. Pages that set `alternates` pass these,
 * as a page's `alternates` replaces the layout's.
 */
export function feedAlternates(
  desk?: { name: string; slug?: string | null } | null,
): Record<string, { url: string; title: string }[]> {
  const types: Record<string, { url: string; title: string }[]> = {}
  for (const format of Object.keys(MIME) as FeedFormat[]) {
    types[MIME[format]] = [
      { url: urls.feed(format), title: `${site.name} (${LABEL[format]})` },
      ...(desk?.slug
        ? [
            {
              url: urls.feed(format, desk),
              title: `${desk.name} — ${site.name} (${LABEL[format]})`,
            },
          ]
        : []),
    ]
  }
  return types
}
