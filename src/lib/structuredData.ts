import type {
  BreadcrumbList,
  CorrectionComment,
  FAQPage,
  NewsArticle,
  Organization,
  Person,
  WebSite,
  WithContext,
} from 'schema-dts'

import type { Article, Author, Faq, Media, Desk, Tag } from '@/payload-types'

import { plainText } from './richText'
import { site } from './site'
import { absoluteUrl, urls } from './urls'
import { lastModified } from '@/lib/lastModified'
import { populated } from '@/lib/relations'

/** The publisher, with the logo search engines show beside its articles. */
export function publisher(): Organization {
  return {
    '@type': 'Organization',
    name: site.name,
    url: absoluteUrl(urls.home()),
    logo: { '@type': 'ImageObject', url: absoluteUrl(urls.logo()), width: '600', height: '60' },
  }
}

/** An article's share image: its hero, or a card drawn for it (next/og). */
export function articleImage(article: Pick<Article, 'heroImage' | 'slug' | 'section'>): string {
  const hero = typeof article.heroImage === 'object' ? (article.heroImage as Media | null) : null
  const url = hero?.sizes?.feature?.url ?? hero?.url
  return absoluteUrl(url ?? urls.ogImage(article))
}

export function newsArticle(article: Article): WithContext<NewsArticle> {
  const path = urls.article(article)!
  const section = typeof article.section === 'object' ? (article.section as Desk) : null
  const keywords = [
    ...populated<Tag>(article.tags).map((tag) => tag.name),
    ...new Set((article.body ?? []).flatMap((entry) => entry.keywordFocus ?? [])),
  ]
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.dek,
    url: absoluteUrl(path),
    mainEntityOfPage: absoluteUrl(path),
    image: [articleImage(article)],
    datePublished: article.publishedAt ?? undefined,
    dateModified: lastModified(article) ?? undefined,
    author: populated<Author>(article.authors).map((author): Person | Organization => ({
      '@type': author.kind === 'organization' ? 'Organization' : 'Person',
      name: author.name,
      url: urls.author(author) ? absoluteUrl(urls.author(author)!) : undefined,
    })),
    publisher: publisher(),
    articleSection: section?.name,
    keywords: keywords.length ? keywords.join(', ') : undefined,
    inLanguage: site.language,
    // The public log of corrections and updates (schema.org has one type for both).
    correction: (article.corrections ?? []).length
      ? (article.corrections ?? []).map((entry): CorrectionComment => ({
          '@type': 'CorrectionComment',
          name: entry.kind === 'update' ? 'Update' : 'Correction',
          text: entry.text,
          datePublished: entry.date,
        }))
      : undefined,
  }
}

/** Home → desk → article. */
export function breadcrumbs(article: Article): WithContext<BreadcrumbList> {
  const section = typeof article.section === 'object' ? (article.section as Desk) : null
  const trail = [
    { name: site.name, path: urls.home() },
    ...(section && urls.desk(section) ? [{ name: section.name, path: urls.desk(section)! }] : []),
    { name: article.headline, path: urls.article(article)! },
  ]
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: step.name,
      item: absoluteUrl(step.path),
    })),
  }
}

/** Every FAQ on the page, merged into one FAQPage (Google reads one per page). */
export function faqPage(article: Article): WithContext<FAQPage> | null {
  const faqs = populated<Faq>(article.embeddedFaqs)
  if (faqs.length === 0) return null
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: faqs.map((faq) => ({
      '@type': 'Question',
      name: faq.question,
      acceptedAnswer: { '@type': 'Answer', text: plainText(faq.answer) },
    })),
  }
}

/** The home page: who publishes, and how to search the site. */
export function siteGraph(): WithContext<Organization | WebSite>[] {
  return [
    { '@context': 'https://schema.org', ...(publisher() as Exclude<Organization, string>) },
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: site.name,
      url: absoluteUrl(urls.home()),
      inLanguage: site.language,
      potentialAction: {
        '@type': 'SearchAction',
        target: {
          '@type': 'EntryPoint',
          urlTemplate: `${absoluteUrl(urls.search())}?q={search_term_string}`,
        },
        // schema-dts has no type for Google's query-input property.
        ...({ 'query-input': 'required name=search_term_string' } as object),
      },
    } as WithContext<WebSite>,
  ]
}
