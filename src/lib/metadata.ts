import type { Metadata } from 'next'

import type { Article } from '@/payload-types'
import type { DeskLink } from '@/queries/desks'
import type { ListingSubject } from '@/queries/listings'

import { feedAlternates } from './feedAlternates'
import { lastModified } from './lastModified'
import { seoOf } from './seo'
import { site } from './site'
import { articleImage } from './structuredData'
import { absoluteUrl, urls } from './urls'

/** Title, description, canonical URL and feeds of one page of a desk, topic or byline. */
export function listingMetadata(found: ListingSubject): Metadata {
  const { name, description, desk } = summaryOf(found)
  const title = found.page > 1 ? `${name} — page ${found.page}` : name
  const url = urls.page(found.path, found.page)
  return {
    title,
    description,
    alternates: { canonical: url, types: feedAlternates(desk) },
    openGraph: {
      type: 'website',
      siteName: site.name,
      title,
      description,
      url,
      images: [{ url: urls.ogImage(), width: 1200, height: 630 }],
    },
  }
}

/** A listing's name, its description (a default when none was written) and, for a desk, its feeds. */
function summaryOf(found: ListingSubject): { name: string; description: string; desk?: DeskLink } {
  switch (found.kind) {
    case 'desk': {
      const desk = found.subject
      return {
        name: desk.name,
        description: desk.description ?? `The latest from the ${desk.name} desk.`,
        desk,
      }
    }
    case 'tag':
      return {
        name: found.subject.name,
        description: found.subject.description ?? `Articles about ${found.subject.name}.`,
      }
    case 'author':
      return {
        name: found.subject.name,
        description: found.subject.bio ?? `Articles by ${found.subject.name}.`,
      }
  }
}

/** An article's title, description, canonical URL, desk feeds and share card. */
export function articleMetadata(article: Article): Metadata {
  const path = urls.article(article) ?? undefined
  // The SEO fields when the editor filled them; the headline, dek and hero otherwise.
  const { title, description, image: shareImage } = seoOf(article)
  const image = articleImage({ ...article, heroImage: shareImage })
  return {
    title,
    description,
    alternates: {
      canonical: path,
      types: feedAlternates(typeof article.section === 'object' ? article.section : null),
    },
    openGraph: {
      type: 'article',
      siteName: site.name,
      title,
      description,
      url: path ? absoluteUrl(path) : undefined,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: lastModified(article) ?? undefined,
      section: typeof article.section === 'object' ? article.section?.name : undefined,
      images: [{ url: image, alt: shareImage?.alt ?? article.headline }],
    },
    twitter: { card: 'summary_large_image' },
  }
}
