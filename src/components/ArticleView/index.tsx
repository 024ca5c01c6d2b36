import { Byline } from '@/components/Byline'
import { Comments } from '@/components/Comments'
import { Corrections } from '@/components/Corrections'
import { RelatedArticles } from '@/components/RelatedArticles'
import { HeroImage } from '@/components/HeroImage'
import { RichText } from '@/components/RichText'
import { ShareLinks } from '@/components/ShareLinks'
import { TableOfContents } from '@/components/TableOfContents'
import { formatDateTime } from '@/lib/dates'
import { readingMinutes } from '@/lib/readingTime'
import { absoluteUrl, urls } from '@/lib/urls'
import type { Article, Tag } from '@/payload-types'
import type { ArticleCard } from '@/queries/articles'
import { isBreakingNow } from '@/content/breaking'
import { countThread, type PublicComment } from '@/queries/comments'
import { populated } from '@/lib/relations'

/** The article page: header, hero, contents, titled sections, share links, comments anchor. */
export function ArticleView({
  article,
  comments,
  commentsOpen,
  related = [],
  preview = false,
}: {
  article: Article
  comments: PublicComment[]
  commentsOpen: boolean
  related?: ArticleCard[]
  preview?: boolean
}) {
  const commentCount = countThread(comments)
  const topics = populated<Tag>(article.tags).filter((tag) => Boolean(tag.slug))
  const section = typeof article.section === 'object' ? article.section : null
  const deskUrl = urls.desk(section)
  const path = urls.article(article)
  const body = (article.body ?? []).map((entry, index) => ({
    ...entry,
    anchor: entry.anchor || `section-${index + 1}`,
  }))
  const updated =
    article.modifiedAt && article.publishedAt && article.modifiedAt > article.publishedAt
      ? article.modifiedAt
      : null

  return (
    <article className="article" aria-labelledby="article-headline">
      {preview && (
        <p className="preview-banner" role="status">
          Preview: this is the latest draft, visible only to logged-in newsroom users.{' '}
          <a href="/next/exit-preview">Leave preview</a>
        </p>
      )}
      <header className="article__header">
        <p className="kicker">
          {isBreakingNow(article) && <strong className="label-breaking">Breaking</strong>}
          {section && deskUrl && <a href={deskUrl}>{section.name}</a>}
        </p>
        <h1 id="article-headline">{article.headline}</h1>
        <p className="dek">{article.dek}</p>
        <p className="article__meta">
          <Byline authors={article.authors} />
          {article.publishedAt && (
            <span>
              Published{' '}
              <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
            </span>
          )}
          {updated && (
            <span>
              Updated <time dateTime={updated}>{formatDateTime(updated)}</time>
            </span>
          )}
          <span>{readingMinutes(article)} min read</span>
          {commentCount > 0 && (
            <a href="#comments">
              {commentCount} {commentCount === 1 ? 'comment' : 'comments'}
            </a>
          )}
        </p>
      </header>
      <HeroImage media={article.heroImage} priority />
      <div className="article__layout">
        <TableOfContents entries={body} />
        <div className="article__body">
          {body.map((entry) => (
            <section key={entry.anchor} className="article__section" aria-labelledby={entry.anchor}>
              <h2 id={entry.anchor}>{entry.heading}</h2>
              <RichText data={entry.content} />
              {entry.keywordFocus && entry.keywordFocus.length > 0 && (
                <p className="keyword-focus">
                  <span className="keyword-focus__label">Keyword focus:</span>{' '}
                  {entry.keywordFocus.join(', ')}
                </p>
              )}
            </section>
          ))}
          <Corrections entries={article.corrections} />
          {topics.length > 0 && (
            <nav className="article__tags" aria-label="Topics">
              <ul>
                {topics.map((tag) => (
                  <li key={tag.id}>
                    <a href={urls.tag(tag) ?? '#'}>{tag.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {path && <ShareLinks url={absoluteUrl(path)} title={article.headline} />}
          <RelatedArticles articles={related} />
          <Comments articleId={article.id} thread={comments} open={commentsOpen && !preview} />
        </div>
      </div>
    </article>
  )
}
