/** Quotes a lexeme for tsquery input: single quotes and backslashes doubled. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

/** What `search_pairs` holds for an article with more word pairs than a tsvector can: a candidate for every phrase. */
export const OVERFLOW_PAIRS = "'~'"

/**
 * The adjacent word pairs ("suppli~chain") that every match of a parsed query
 * must contain, as a tsquery over `search_pairs` (see the search_phrase_pairs
 * migration); null when the query has no phrase, or is one (with | or
 * parentheses) where a pair is not certainly required. `tsquery` is
 * PostgreSQL's text form of websearch_to_tsquery's result.
 */
export function phrasePairs(tsquery: string): string | null {
  const tokens = [...tsquery.matchAll(/'((?:[^']|'')*)'|<->|<\d+>|[&!|()]/g)].map((match) =>
    match[1] === undefined
      ? { op: match[0] }
      : { lexeme: match[1].replace(/''/g, "'").replace(/\\\\/g, '\\') },
  )
  if (tokens.some((token) => token.op === '|' || token.op === '(' || token.op === ')')) return null
  const pairs = new Set<string>()
  let negated = false
  tokens.forEach((token, index) => {
    if (token.op === '&') negated = false
    if (token.op === '!') negated = true
    const [op, next] = [tokens[index + 1], tokens[index + 2]]
    if (!negated && token.lexeme !== undefined && op?.op === '<->' && next?.lexeme !== undefined) {
      pairs.add(quoteLexeme(`${token.lexeme}~${next.lexeme}`))
    }
  })
  // An article with more word pairs than PostgreSQL can index holds the single lexeme '~' instead
  // (OVERFLOW_PAIRS): the search asks for those apart, so this estimate stays the pairs' own.
  return pairs.size ? [...pairs].join(' & ') : null
}

/**
 * The query without its exclusions ("inflation -tariffs" → `'inflat'`), as tsquery text, when
 * it has exclusions and something besides them; else null. Every match contains these terms,
 * so the word index can look them up. The index cannot apply an exclusion: given the whole
 * query, PostgreSQL may choose the index for the few articles that match (a common word minus
 * another), but the index hands back every article with the common word to be
 * rechecked, far slower than walking the newest first. `tsquery` is websearch_to_tsquery's
 * result as text; one with `|` is left alone.
 */
export function requiredTerms(tsquery: string): string | null {
  if (tsquery.includes('|')) return null
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (const match of tsquery.matchAll(/'(?:[^']|'')*'|[()&]/g)) {
    if (match[0] === '(') depth += 1
    else if (match[0] === ')') depth -= 1
    else if (match[0] === '&' && depth === 0) {
      parts.push(tsquery.slice(start, match.index).trim())
      start = match.index + 1
    }
  }
  parts.push(tsquery.slice(start).trim())
  const required = parts.filter((part) => part !== '' && !part.startsWith('!'))
  return required.length > 0 && required.length < parts.length ? required.join(' & ') : null
}
