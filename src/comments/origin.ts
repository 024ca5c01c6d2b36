import { SubmissionError } from './errors'

/**
 * A comment is sent from one of the site's own pages. Browsers name the page
 * that sent a POST in `Origin` (the inline form and, in every current browser,
 * the plain form post too); a page on another site posting as the reader is
 * refused. A request with no Origin comes from no web page (an API client,
 * curl) unless the browser says otherwise in Sec-Fetch-Site, and is let through
 * to the usual checks (proof of work, flood control). Returns the refusal, or null.
 */
export function foreignPageRefusal(
  headers: Headers,
  siteOrigins: string[],
): SubmissionError | null {
  const origin = headers.get('origin')
  if (origin === null) {
    if (headers.get('sec-fetch-site') !== 'cross-site') return null
  } else if (siteOrigins.includes(origin) || sameHost(origin, headers.get('host'))) {
    return null
  }
  return new SubmissionError(
    `Comments are taken only from this site's own pages; this one was sent from ${origin ?? 'another site'}. Open the article on this site and comment there.`,
    { status: 403 },
  )
}

/** The page is on the host the request was sent to: the site as the reader reached it. */
function sameHost(origin: string, host: string | null): boolean {
  if (!host || origin === 'null') return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}
