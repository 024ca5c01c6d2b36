import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Pagination, parsePage } from '@/components/Pagination'
import { formatDate } from '@/lib/dates'
import { feedAlternates } from '@/lib/feedAlternates'
import { urls } from '@/lib/urls'
import { MAX_QUERY_LENGTH } from '@/lib/search'
import { searchArticles } from '@/queries/search'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const dynamic = 'force-dynamic'

function queryOf(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '')
  return text.trim().slice(0, MAX_QUERY_LENGTH)
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf((await searchParams).q)
  return {
    title: q ? `Search: ${q}` : 'Search',
    alternates: { canonical: urls.search(), types: feedAlternates() },
    // Result pages are endless and thin: keep them out of search engines.
    robots: { index: false, follow: true },
  }
}

/** Search published articles: ranked, highlighted, paginated; any input is safe. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const q = queryOf(params.q)
  const page = parsePage(params.page)
  if (!page) notFound()
  const results = q ? await searchArticles(q, page) : null
  if (results && page > results.totalPages) notFound()

  return (
    <div className="listing search">
      <header className="listing__header">
        <h1>Search</h1>
        <form role="search" action={urls.search()} method="get" className="search__form">
          <label htmlFor="search-q">Search articles</label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby="search-hint"
          />
          <button type="submit">Search</button>
          <p id="search-hint" className="search__hint">
            Use quotes for a phrase (&quot;export controls&quot;) and a minus to leave a word out
            (chips -nvidia).
          </p>
        </form>
      </header>
      {!results ? null : results.total === 0 ? (
        <div className="search__empty" role="status">
          <p>
            No articles match <strong>{q}</strong>.
          </p>
          <p>Try fewer or more general words, check the spelling, or browse a section.</p>
        </div>
      ) : (
        <>
          <p role="status">
            {results.capped
              ? `At least ${results.total.toLocaleString('en-GB')} articles match`
              : `${results.total} ${results.total === 1 ? 'article matches' : 'articles match'}`}{' '}
            <strong>{q}</strong>
            {results.capped ? '; the newest are ranked here. Add words to narrow it down.' : '.'}
          </p>
          <ol className="search__results">
            {results.hits.map((hit) => {
              const href = urls.article({ slug: hit.slug, section: hit.section })
              return (
                <li key={hit.id}>
                  <h2 className="card__headline">
                    <a href={href ?? '#'}>{hit.headline}</a>
                  </h2>
                  <p className="search__snippet">
                    {hit.snippet.map((part, index) =>
                      part.match ? <mark key={index}>{part.text}</mark> : part.text,
                    )}
                  </p>
                  <p className="card__meta">
                    <a href={urls.desk(hit.section) ?? '#'}>{hit.section.name}</a>
                    {hit.publishedAt && (
                      <time dateTime={hit.publishedAt}>{formatDate(hit.publishedAt)}</time>
                    )}
                  </p>
                </li>
              )
            })}
          </ol>
          <Pagination path={urls.search(q)} page={results.page} totalPages={results.totalPages} />
        </>
      )}
    </div>
  )
}
