import { Byline } from '@/components/Byline'
import { HeroImage } from '@/components/HeroImage'
import { isBreakingNow } from '@/content/breaking'
import { formatDate } from '@/lib/dates'
import { urls } from '@/lib/urls'
import type { ArticleCard as Card } from '@/queries/articles'

/**
 * How much of its picture a card shows: `lead` the front page's (or a list's) top story,
 * wide and preloaded; `large` a top story's; `thumb` a small picture beside the text;
 * `none` text only.
 */
export type CardImage = 'lead' | 'large' | 'thumb' | 'none'

/** The `sizes` of each picture, as laid out by styles.css (`.card--image-*`). */
export const IMAGE_SIZES: Record<Exclude<CardImage, 'none'>, string> = {
  lead: '(min-width: 1100px) 660px, (min-width: 700px) 60vw, 100vw',
  large: '(min-width: 1100px) 320px, (min-width: 700px) 45vw, 100vw',
  thumb: '(min-width: 700px) 160px, 120px',
}

/** One article in a list: headline link, dek, byline, date, and its picture where asked. */
export function ArticleCard({
  article,
  lead = false,
  image = lead ? 'lead' : 'none',
  headingLevel = 3,
  commentCount = 0,
  dek = image !== 'thumb',
}: {
  article: Card
  commentCount?: number
  lead?: boolean
  /** Defaults to `lead` for the lead card, otherwise `none`. */
  image?: CardImage
  headingLevel?: 2 | 3
  /** Show the dek: by default every card but a thumbnail one (rails keep those short). */
  dek?: boolean
}) {
  const href = urls.article(article)
  if (!href) return null
  const Heading = `h${headingLevel}` as const
  const picture = image !== 'none' && typeof article.heroImage === 'object' && article.heroImage
  const classes = ['card', lead && 'card--lead', picture && `card--image-${image}`]
  return (
    <article className={classes.filter(Boolean).join(' ')}>
      {picture && (
        <HeroImage
          media={article.heroImage}
          sizes={IMAGE_SIZES[image as Exclude<CardImage, 'none'>]}
          priority={image === 'lead'}
          showCaption={false}
          className={`hero card__image card__image--${image}`}
        />
      )}
      <div className="card__text">
        <Heading className="card__headline">
          {isBreakingNow(article) && <strong className="label-breaking">Breaking</strong>}
          <a href={href}>{article.headline}</a>
        </Heading>
        {dek && <p className="card__dek">{article.dek}</p>}
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
      </div>
    </article>
  )
}
