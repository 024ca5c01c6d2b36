import type { Metadata } from 'next'

import { ArticleCard } from '@/components/ArticleCard'
import { JsonLd } from '@/components/JsonLd'
import { MostRead } from '@/components/MostRead'
import { feedAlternates } from '@/lib/feedAlternates'
import { siteGraph } from '@/lib/structuredData'
import { urls } from '@/lib/urls'
import { getLatestArticles } from '@/queries/articles'
import { getCommentCounts } from '@/queries/comments'
import { getDesks } from '@/queries/desks'

// Rendered per request from cached data (no database query on a cached view),
// so a build never needs a database.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: { canonical: urls.home(), types: feedAlternates() },
}

export default async function HomePage() {
  const [articles, sections] = await Promise.all([getLatestArticles(), getDesks()])
  const counts = await getCommentCounts(articles.map((article) => article.id))
  const [lead, ...rest] = articles
  const groups = sections
    .map((section) => ({
      section,
      articles: rest
        .filter(
          (article) => typeof article.section === 'object' && article.section?.id === section.id,
        )
        .slice(0, 4),
    }))
    .filter((group) => group.articles.length > 0)

  return (
    <div className="home">
      <JsonLd data={siteGraph()} />
      <h1 className="visually-hidden">Latest news</h1>
      {lead ? (
        <section aria-label="Top story" className="home__lead">
          <ArticleCard article={lead} lead headingLevel={2} commentCount={counts[lead.id]} />
        </section>
      ) : (
        <p>No articles have been published yet.</p>
      )}
      <MostRead />
      {groups.map(({ section, articles: deskArticles }) => (
        <section
          key={section.id}
          className="home__section"
          aria-labelledby={`desk-${section.slug}`}
        >
          <h2 id={`desk-${section.slug}`} className="desk-heading">
            <a href={urls.desk(section) ?? '#'}>{section.name}</a>
          </h2>
          <div className="card-grid">
            {deskArticles.map((article) => (
              <ArticleCard key={article.id} article={article} commentCount={counts[article.id]} />
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}
