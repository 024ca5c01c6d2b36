import { site } from './site'
import { type FeedFormat, urls } from './urls'

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
