import type { Metadata } from 'next'

import { NotFoundMessage } from '@/components/NotFoundMessage'

/**
 * The not-found page as a page of its own, inside the site's layout: the
 * app's server sends it (without its scripts) as the body of every reader
 * 404, because Next sends a `notFound()` met while rendering as an empty
 * shell that only JavaScript fills in (src/server/notFoundDocument.ts). Asked
 * for by anyone but the server itself, it answers 404 too.
 */
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
}

export default function PageNotFound() {
  return <NotFoundMessage />
}
