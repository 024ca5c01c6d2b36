import type { ReactNode } from 'react'

import { ArticleCard } from '@/components/ArticleCard'
import { urls } from '@/lib/urls'
import type { FrontPageView as View } from '@/queries/frontPage'

/**
 * The home page as a newspaper's front: the lead large with the top stories beside it (below it
 * on a narrow screen), then a rail for each desk. `aside` (the "Most read" list) sits beside the
 * rails on a wide screen and after them on a narrow one.
 */
export function FrontPageView({
  frontPage,
  counts,
  aside,
}: {
  frontPage: View
  counts: Record<number, number>
  aside?: ReactNode
}) {
  const { lead, topStories, rails } = frontPage
  if (!lead) return <p>No articles have been published yet.</p>
  return (
    <>
      <div className="front__top">
        <section aria-label="Top story" className="front__lead">
          <ArticleCard
            article={lead}
            lead
            image="lead"
            headingLevel={2}
            commentCount={counts[lead.id]}
          />
        </section>
        {topStories.length > 0 && (
          <section aria-labelledby="top-stories" className="front__stories">
            <h2 id="top-stories" className="desk-heading front__stories-heading">
              Top stories
            </h2>
            <div className="front__story-list">
              {topStories.map((article) => (
                <ArticleCard
                  key={article.id}
                  article={article}
                  image="large"
                  commentCount={counts[article.id]}
                />
              ))}
            </div>
          </section>
        )}
      </div>
      <div className={aside ? 'front__below front__below--aside' : 'front__below'}>
        <div className="front__rails">
          {rails.map(({ desk, articles }) => (
            <section key={desk.id} className="rail" aria-labelledby={`desk-${desk.slug}`}>
              <h2 id={`desk-${desk.slug}`} className="desk-heading">
                <a href={urls.desk(desk) ?? '#'}>{desk.name}</a>
              </h2>
              <div className="rail__cards">
                {articles.map((article, index) => (
                  <ArticleCard
                    key={article.id}
                    article={article}
                    image={index === 0 ? 'thumb' : 'none'}
                    commentCount={counts[article.id]}
                  />
                ))}
              </div>
            </section>
          ))}
        </div>
        {aside}
      </div>
    </>
  )
}
