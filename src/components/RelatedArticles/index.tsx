import { urls } from '@/lib/urls'
import type { ArticleCard } from '@/queries/articles'

/** "Related": articles sharing tags or the desk, for readers who want more. */
export function RelatedArticles({ articles }: { articles: ArticleCard[] }) {
  if (articles.length === 0) return null
  return (
    <aside className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related</h2>
      <ul>
        {articles.map((article) => {
          const href = urls.article(article)
          return href ? (
            <li key={article.id}>
              <a href={href}>{article.headline}</a>
            </li>
          ) : null
        })}
      </ul>
    </aside>
  )
}
