import { Byline } from '@/components/Byline'
import { HeroImage } from '@/components/HeroImage'
import { formatDate } from '@/lib/dates'
import { urls } from '@/lib/urls'
import type { ArticleCard as Card } from '@/queries/articles'

/** One article in a list: headline link, dek, byline, date; the lead story shows its image. */
export function ArticleCard({
  article,
  lead = false,
  headingLevel = 3,
  commentCount = 0,
}: {
  article: Card
  commentCount?: number
  lead?: boolean
  headingLevel?: 2 | 3
}) {
  const href = urls.article(article)
  if (!href) return null
  const Heading = `h${headingLevel}` as const
  return (
    <article className={lead ? 'card card--lead' : 'card'}>
      {lead && (
        <HeroImage
          media={article.heroImage}
          sizes="(min-width: 900px) 60vw, 100vw"
          priority
          showCaption={false}
        />
      )}
      <Heading className="card__headline">
        {article.breaking && <strong className="label-breaking">Breaking</strong>}
        <a href={href}>{article.headline}</a>
      </Heading>
      <p className="card__dek">{article.dek}</p>
      <p className="card__meta">
        <Byline authors={article.authors} />
        {article.publishedAt && (
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
        )}
        {commentCount > 0 && (
          <a href={`${href}#comments`} className="card__comments">
            {commentCount} {commentCount === 1 ? 'comment' : 'comments'}
          </a>
        )}
      </p>
    </article>
  )
}
