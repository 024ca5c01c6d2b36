import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Listing, type ListingRouteProps } from '@/components/Listing'
import { parsePage } from '@/components/Pagination'
import { listingMetadata } from '@/lib/metadata'
import { getListing, getListingSubject } from '@/queries/listings'

type Props = ListingRouteProps<{ slug: string }>

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = parsePage((await searchParams).page)
  const found = await getListingSubject('tag', (await params).slug, page)
  return found ? listingMetadata(found) : {}
}

/** A topic: every published article tagged with it, newest first. */
export default async function TagPage({ params, searchParams }: Props) {
  const view = await getListing('tag', (await params).slug, parsePage((await searchParams).page))
  if (!view) notFound()
  const tag = view.subject
  return (
    <Listing
      view={view}
      header={
        <>
          <p className="kicker">Topic</p>
          <h1>{tag.name}</h1>
          {tag.description && <p className="dek">{tag.description}</p>}
        </>
      }
      empty={`Nothing has been published about ${tag.name} yet.`}
    />
  )
}
