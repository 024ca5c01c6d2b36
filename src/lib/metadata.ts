import type { Metadata } from 'next'

import type { Article } from '@/payload-types'

import { feedAlternates } from './feedAlternates'
import { seoOf } from './seo'
import { site } from './site'
import { articleImage } from './structuredData'
import { absoluteUrl, urls } from './urls'

/** Title, description and canonical URL of page `page` of a listing. */
export function listingMetadata(
  name: string,
  description: string,
  path: string,
  page: number,
  desk?: { name: string; slug?: string | null },
): Metadata {
  const title = page > 1 ? `${name} — page ${page}` : name
  return {
    title,
    description,
    alternates: { canonical: urls.page(path, page), types: feedAlternates(desk) },
    openGraph: {
      type: 'website',
      siteName: site.name,
      title,
      description,
      url: urls.page(path, page),
      images: [{ url: urls.ogImage(), width: 1200, height: 630 }],
    },
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
      modifiedTime: article.modifiedAt ?? article.publishedAt ?? undefined,
      section: typeof article.section === 'object' ? article.section?.name : undefined,
      images: [{ url: image, alt: shareImage?.alt ?? article.headline }],
    },
    twitter: { card: 'summary_large_image' },
  }
}
