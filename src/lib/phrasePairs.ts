/** Quotes a lexeme for tsquery input: single quotes and backslashes doubled. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

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
  // '~' stands for an article with more word pairs than PostgreSQL can index: always a candidate.
  return pairs.size ? `( ${[...pairs].join(' & ')} ) | '~'` : null
}
