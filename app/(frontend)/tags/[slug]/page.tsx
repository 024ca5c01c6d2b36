import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Listing, type ListingRouteProps } from '@/components/Listing'
import { parsePage } from '@/components/Pagination'
import { listingMetadata } from '@/lib/metadata'
import { isSlug } from '@/lib/slugify'
import { urls } from '@/lib/urls'
import { getCommentCounts } from '@/queries/comments'
import { getListingPage, getTagBySlug } from '@/queries/listings'

type Props = ListingRouteProps<{ slug: string }>

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params
  const tag = isSlug(slug) ? await getTagBySlug(slug) : null
  const page = parsePage((await searchParams).page)
  if (!tag || !page) return {}
  return listingMetadata(
    tag.name,
    tag.description ?? `Articles about ${tag.name}.`,
    urls.tag(tag)!,
    page,
  )
}

/** A topic: every published article tagged with it, newest first. */
export default async function TagPage({ params, searchParams }: Props) {
  const { slug } = await params
  const page = parsePage((await searchParams).page)
  if (!isSlug(slug) || !page) notFound()
  const tag = await getTagBySlug(slug)
  if (!tag) notFound()
  const listing = await getListingPage({ kind: 'tag', id: tag.id }, page)
  if (page > listing.totalPages) notFound()
  const counts = await getCommentCounts(listing.docs.map((article) => article.id))
  return (
    <Listing
      header={
        <>
          <p className="kicker">Topic</p>
          <h1>{tag.name}</h1>
          {tag.description && <p className="dek">{tag.description}</p>}
        </>
      }
      listing={listing}
      counts={counts}
      path={urls.tag(tag)!}
      empty={`Nothing has been published about ${tag.name} yet.`}
    />
  )
}
