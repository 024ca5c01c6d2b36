import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Listing, type ListingRouteProps } from '@/components/Listing'
import { parsePage } from '@/components/Pagination'
import { listingMetadata } from '@/lib/metadata'
import { isSlug } from '@/lib/slugify'
import { urls } from '@/lib/urls'
import { getCommentCounts } from '@/queries/comments'
import { getListingPage } from '@/queries/listings'
import { getDeskBySlug, getDeskFamily } from '@/queries/desks'

type Props = ListingRouteProps<{ desk: string }>

// Per request (the page number is in the query string), from cached data.
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { desk: slug } = await params
  const section = isSlug(slug) ? await getDeskBySlug(slug) : null
  const page = parsePage((await searchParams).page)
  if (!section || !page) return {}
  return listingMetadata(
    section.name,
    section.description ?? `The latest from the ${section.name} desk.`,
    urls.desk(section)!,
    page,
    section,
  )
}

export default async function DeskPage({ params, searchParams }: Props) {
  const { desk: slug } = await params
  const page = parsePage((await searchParams).page)
  if (!isSlug(slug) || !page) notFound()
  const section = await getDeskBySlug(slug)
  if (!section) notFound()
  // A desk's page includes its sub-desks' articles.
  const family = await getDeskFamily(section.id)
  const listing = await getListingPage({ kind: 'sections', ids: family }, page)
  if (page > listing.totalPages) notFound()
  const counts = await getCommentCounts(listing.docs.map((article) => article.id))
  return (
    <Listing
      header={
        <>
          <h1>{section.name}</h1>
          {section.description && <p className="dek">{section.description}</p>}
        </>
      }
      listing={listing}
      counts={counts}
      path={urls.desk(section)!}
      empty={`Nothing has been published in ${section.name} yet.`}
    />
  )
}
