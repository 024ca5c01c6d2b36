import { getMostRead } from '@/queries/mostRead'

/**
 * The "Most read" rail: the five most-read published articles of the last
 * 24 hours, counted on this site alone (src/mostRead). Shows nothing until
 * something has been read.
 */
export async function MostRead() {
  const articles = await getMostRead()
  if (articles.length === 0) return null
  return (
    <aside className="most-read" aria-labelledby="most-read-heading">
      <h2 id="most-read-heading" className="desk-heading">
        Most read
      </h2>
      <ol className="most-read__list">
        {articles.map((article) => (
          <li key={article.id}>
            <a href={article.path}>{article.headline}</a>
          </li>
        ))}
      </ol>
    </aside>
  )
}
