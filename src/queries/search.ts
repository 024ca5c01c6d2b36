import { sql } from '@payloadcms/db-postgres'

import { readerDatabase, rowsOf } from '@/lib/database'
import { OVERFLOW_PAIRS, phrasePairs, requiredTerms } from '@/lib/phrasePairs'

import { payloadClient } from './payload'

export const SEARCH_PAGE_SIZE = 20
/** Search ranks the newest this-many matching articles (50 pages of results). */
export const SEARCH_CANDIDATES = 1000

/** Parts of a snippet; `match` parts are the words the query found. */
export type SnippetPart = { text: string; match: boolean }

export interface SearchHit {
  id: number
  headline: string
  slug: string
  section: { slug: string; name: string }
  publishedAt: string | null
  snippet: SnippetPart[]
}

export interface SearchResults {
  hits: SearchHit[]
  total: number
  /** True when more articles match than are ranked (the newest SEARCH_CANDIDATES). */
  capped: boolean
  page: number
  totalPages: number
}

// Control characters cannot occur in article text (editors type it), so they
// mark the matches unambiguously; React then renders them as <mark>.
const START = '\u0002'
const STOP = '\u0003'

function snippetParts(snippet: string): SnippetPart[] {
  return snippet
    .split(START)
    .flatMap((chunk, index) => {
      if (index === 0) return [{ text: chunk, match: false }]
      const [match = '', rest = ''] = chunk.split(STOP)
      return [
        { text: match, match: true },
        { text: rest, match: false },
      ]
    })
    .filter((part) => part.text !== '')
}

/**
 * Published articles matching a reader's words, best first: PostgreSQL full
 * text search on the stored, weighted vector (headline > dek > sections >
 * FAQs), `websearch_to_tsquery` so "quoted phrases" and -exclusions work, and
 * a highlighted snippet from the dek and text. The query is a bound
 * parameter, and websearch_to_tsquery accepts any string without error.
 */
export async function searchArticles(input: string, page: number): Promise<SearchResults> {
  // PostgreSQL text cannot hold NUL, and no control character means anything to a search.
  const query = input.replace(/[\u0000-\u001f\u007f]/g, ' ')
  const payload = await payloadClient()
  const offset = (page - 1) * SEARCH_PAGE_SIZE
  const parsed = await readerDatabase(payload).execute(
    sql`SELECT websearch_to_tsquery('english', ${query})::text AS query`,
  )
  const parsedText = String(rowsOf<{ query?: string }>(parsed)[0]?.query ?? '')
  const pairs = phrasePairs(parsedText)
  const required = requiredTerms(parsedText)
  // The query is written out in the WHERE clause (not taken from a CTE) so the planner can
  // estimate how many articles match: for common words it walks the publication-date index
  // newest first and stops at SEARCH_CANDIDATES; for rare ones it uses the GIN index; for
  // phrases the word-pair index narrows the candidates before word order is checked.
  // With exclusions ("inflation -tariffs"), the index condition is the words required alone
  // (requiredTerms), and the whole query is checked through ts_match_vq, the function behind @@,
  // which the planner does not estimate as a text search. The word index cannot apply an
  // exclusion: it hands back every article with "inflation" (95% of the generated archive) to be
  // rechecked, while the planner may choose it for the few that match; with the required words'
  // estimate it walks the newest first and stops at SEARCH_CANDIDATES.
  // Only the page of results is joined to its desk and given a snippet: ranking reads the
  // candidates' stored vectors alone, and a snippet (which rebuilds the article's text) is
  // made for the twenty rows shown, never for all the candidates.
  const filters = sql`a._status = 'published'
        AND a.section_id IS NOT NULL
        ${
          required
            ? sql`AND a.search_vector @@ ${required}::tsquery
                  AND ts_match_vq(a.search_vector, websearch_to_tsquery('english', ${query}))`
            : sql`AND a.search_vector @@ websearch_to_tsquery('english', ${query})`
        }`
  const newest = (narrowed: ReturnType<typeof sql>) => sql`
      SELECT a.id, a.headline, a.slug, a.section_id, a.search_vector, a.published_at
      FROM articles a
      WHERE ${filters} ${narrowed}
      ORDER BY a.published_at DESC
      LIMIT ${SEARCH_CANDIDATES}`
  // A phrase's pairs and the few articles too long to have theirs ('~') are asked for apart and
  // put together: PostgreSQL estimates each on its own. Asked for in one condition (pairs | '~'),
  // the estimate of a rare pair doubled, and at 1,000,000 articles the planner walked all of them
  // newest first for a phrase two of them contain (0.57 s, where the pairs index takes 0.5 ms).
  const matches = pairs
    ? sql`SELECT * FROM (
        (${newest(sql`AND a.search_pairs @@ ${pairs}::tsquery`)})
        UNION ALL
        (${newest(sql`AND a.search_pairs @@ ${OVERFLOW_PAIRS}::tsquery`)})
      ) u ORDER BY u.published_at DESC LIMIT ${SEARCH_CANDIDATES}`
    : newest(sql``)
  const result = await readerDatabase(payload).execute(sql`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
    matches AS (${matches}),
    ranked AS (
      SELECT m.id, m.headline, m.slug, m.section_id, m.published_at,
             ts_rank(m.search_vector, q.query) AS rank, count(*) OVER () AS total
      FROM matches m CROSS JOIN q
      ORDER BY rank DESC, m.published_at DESC NULLS LAST, m.id DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
    )
    SELECT r.id, r.headline, r.slug, r.published_at AS "publishedAt",
           s.slug AS "deskSlug", s.name AS "deskName",
           ts_headline('english', article_search_text(r.id), q.query,
             ${`StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`}) AS snippet,
           r.total
    FROM ranked r
    JOIN sections s ON s.id = r.section_id
    CROSS JOIN q
    ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.id DESC`)
  const rows = rowsOf<{
    id: number
    headline: string
    slug: string
    publishedAt: Date | string | null
    deskSlug: string
    deskName: string
    snippet: string
    total: string | number
  }>(result)
  const total = Number(rows[0]?.total ?? 0)
  return {
    hits: rows.map((row) => ({
      id: row.id,
      headline: row.headline,
      slug: row.slug,
      section: { slug: row.deskSlug, name: row.deskName },
      publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
      snippet: snippetParts(row.snippet),
    })),
    total,
    capped: total >= SEARCH_CANDIDATES,
    page,
    totalPages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
  }
}
