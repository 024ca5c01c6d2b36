import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleCard } from '@/components/ArticleCard'
import { isSlug } from '@/lib/slugify'
import { urls } from '@/lib/urls'
import { getCommentCounts } from '@/queries/comments'
import { getSectionArticles } from '@/queries/articles'
import { getSectionBySlug } from '@/queries/sections'

type Props = { params: Promise<{ section: string }> }

// Rendered on first request, then served from the cache until a publish revalidates it.
export const dynamicParams = true
export const revalidate = false
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section: slug } = await params
  const section = isSlug(slug) ? await getSectionBySlug(slug) : null
  if (!section) return {}
  return {
    title: section.name,
    description: section.description ?? `The latest from the ${section.name} desk.`,
    alternates: { canonical: urls.section(section) },
  }
}

export default async function SectionPage({ params }: Props) {
  const { section: slug } = await params
  if (!isSlug(slug)) notFound()
  const section = await getSectionBySlug(slug)
  if (!section) notFound()
  const articles = await getSectionArticles(section.id)
  const counts = await getCommentCounts(articles.map((article) => article.id))

  return (
    <div className="listing">
      <header className="listing__header">
        <h1>{section.name}</h1>
        {section.description && <p className="dek">{section.description}</p>}
      </header>
      {articles.length === 0 ? (
        <p>Nothing has been published in {section.name} yet.</p>
      ) : (
        <div className="card-list">
          {articles.map((article, index) => (
            <ArticleCard
              key={article.id}
              article={article}
              lead={index === 0}
              headingLevel={2}
              commentCount={counts[article.id]}
            />
          ))}
        </div>
      )}
    </div>
  )
}
