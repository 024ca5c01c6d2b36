import type { ReactNode } from 'react'

import { ArticleCard } from '@/components/ArticleCard'
import { Pagination } from '@/components/Pagination'
import type { ListingView } from '@/queries/listings'

/** A listing page: its header, one page of articles with comment counts, and links to the others. */
export function Listing({
  view: { listing, counts, path },
  header,
  empty,
}: {
  view: Pick<ListingView, 'listing' | 'counts' | 'path'>
  header: ReactNode
  empty: string
}) {
  return (
    <div className="listing">
      <header className="listing__header">{header}</header>
      {listing.docs.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="card-list">
          {listing.docs.map((article, index) => (
            <ArticleCard
              key={article.id}
              article={article}
              lead={listing.page === 1 && index === 0}
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
