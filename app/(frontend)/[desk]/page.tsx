import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Listing, type ListingRouteProps } from '@/components/Listing'
import { parsePage } from '@/components/Pagination'
import { listingMetadata } from '@/lib/metadata'
import { getListing, getListingSubject } from '@/queries/listings'

type Props = ListingRouteProps<{ desk: string }>

// Per request (the page number is in the query string), from cached data.
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = parsePage((await searchParams).page)
  const found = await getListingSubject('desk', (await params).desk, page)
  return found ? listingMetadata(found) : {}
}

/** A desk: its articles and its sub-desks', newest first. */
export default async function DeskPage({ params, searchParams }: Props) {
  const view = await getListing('desk', (await params).desk, parsePage((await searchParams).page))
  if (!view) notFound()
  const desk = view.subject
  return (
    <Listing
      view={view}
      header={
        <>
          <h1>{desk.name}</h1>
          {desk.description && <p className="dek">{desk.description}</p>}
        </>
      }
      empty={`Nothing has been published in ${desk.name} yet.`}
    />
  )
}
