import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Listing, type ListingRouteProps } from '@/components/Listing'
import { parsePage } from '@/components/Pagination'
import { listingMetadata } from '@/lib/metadata'
import { isSlug } from '@/lib/slugify'
import { urls } from '@/lib/urls'
import type { Media } from '@/payload-types'
import { getCommentCounts } from '@/queries/comments'
import { getAuthorBySlug, getListingPage } from '@/queries/listings'

type Props = ListingRouteProps<{ slug: string }>

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params
  const author = isSlug(slug) ? await getAuthorBySlug(slug) : null
  const page = parsePage((await searchParams).page)
  if (!author || !page) return {}
  return listingMetadata(
    author.name,
    author.bio ?? `Articles by ${author.name}.`,
    urls.author(author)!,
    page,
  )
}

function Photo({ media, name }: { media: Media; name: string }) {
  const thumb = media.sizes?.thumbnail
  const src = thumb?.url ?? media.url
  if (!src) return null
  return (
    <img
      className="author__photo"
      src={src}
      alt={media.alt || name}
      width={thumb?.width ?? media.width ?? 400}
      height={thumb?.height ?? media.height ?? 400}
    />
  )
}

/** A byline: who they are, and everything published under their name. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const { slug } = await params
  const page = parsePage((await searchParams).page)
  if (!isSlug(slug) || !page) notFound()
  const author = await getAuthorBySlug(slug)
  if (!author) notFound()
  const listing = await getListingPage({ kind: 'author', id: author.id }, page)
  if (page > listing.totalPages) notFound()
  const counts = await getCommentCounts(listing.docs.map((article) => article.id))
  const photo = typeof author.photo === 'object' && author.photo ? author.photo : null
  return (
    <Listing
      header={
        <div className="author">
          {photo && <Photo media={photo} name={author.name} />}
          <div>
            <h1>{author.name}</h1>
            {author.jobTitle && <p className="kicker">{author.jobTitle}</p>}
            {author.bio && <p className="dek">{author.bio}</p>}
          </div>
        </div>
      }
      listing={listing}
      counts={counts}
      path={urls.author(author)!}
      empty={`Nothing has been published by ${author.name} yet.`}
    />
  )
}
