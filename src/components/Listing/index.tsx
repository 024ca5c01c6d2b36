import type { ReactNode } from 'react'

import { ArticleCard } from '@/components/ArticleCard'
import { Pagination } from '@/components/Pagination'
import type { ListingView } from '@/queries/listings'

/**
 * A listing page: its header, one page of articles with comment counts, and links to the others.
 * Page 1 opens with its newest story across the top, with its picture large (preloaded: it is
 * the page's largest content); the rest, and every story on later pages, are cards with a
 * thumbnail beside the text, two columns on a wide screen (styles.css, `.listing__*`).
 */
export function Listing({
  view: { listing, counts, path },
  header,
  empty,
}: {
  view: Pick<ListingView, 'listing' | 'counts' | 'path'>
  header: ReactNode
  empty: string
}) {
  const [first, ...others] = listing.docs
  const lead = listing.page === 1 ? first : undefined
  const rest = lead ? others : listing.docs
  return (
    <div className="listing">
      <header className="listing__header">{header}</header>
      {listing.docs.length === 0 && <p>{empty}</p>}
      {lead && (
        <div className="listing__lead">
          <ArticleCard
            article={lead}
            lead
            image="lead"
            headingLevel={2}
            commentCount={counts[lead.id]}
          />
        </div>
      )}
      {rest.length > 0 && (
        <div className="listing__grid">
          {rest.map((article) => (
            <ArticleCard
              key={article.id}
              article={article}
              image="thumb"
              dek
              headingLevel={2}
              commentCount={counts[article.id]}
            />
          ))}
        </div>
      )}
      <Pagination path={path} page={listing.page} totalPages={listing.totalPages} />
    </div>
  )
}

/** Route props of a listing page: its slug, and `?page=` in the query string. */
export type ListingRouteProps<P> = {
  params: Promise<P>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}
