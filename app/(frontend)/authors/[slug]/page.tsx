import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { AuthorProfile } from '@/components/AuthorProfile'
import { Listing, type ListingRouteProps } from '@/components/Listing'
import { parsePage } from '@/components/Pagination'
import { listingMetadata } from '@/lib/metadata'
import { getListing, getListingSubject } from '@/queries/listings'

type Props = ListingRouteProps<{ slug: string }>

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = parsePage((await searchParams).page)
  const found = await getListingSubject('author', (await params).slug, page)
  return found ? listingMetadata(found) : {}
}

/** A byline: who they are, and everything published under their name. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const view = await getListing('author', (await params).slug, parsePage((await searchParams).page))
  if (!view) notFound()
  return (
    <Listing
      view={view}
      header={<AuthorProfile author={view.subject} />}
      empty={`Nothing has been published by ${view.subject.name} yet.`}
    />
  )
}
