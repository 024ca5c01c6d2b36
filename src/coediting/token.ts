/**
 * What a save says it was based on. The admin sends it in the hidden
 * `editBase` field; API clients send the ETag they got in `If-Match`.
 *
 * - `123` — snapshot 123 (`"123"` or `W/"123"` as an ETag).
 * - `123;keep=ROW@456,headline@456` — after a conflict, the editor chose to
 *   keep their own text for those sections (row ids) or fields, over the
 *   version they saw in the conflict view (snapshot 456). Should someone
 *   change that section again meanwhile, it is a conflict again.
 */
export interface EditBase {
  snapshot: number
  keep: { key: string; over: number }[]
}

const KEY = '[A-Za-z0-9_-]{1,64}'
const ID = '\\d{1,12}'
const PATTERN = new RegExp(`^(${ID})(?:;keep=(${KEY}@${ID}(?:,${KEY}@${ID}){0,99}))?$`)

export type Parsed = { ok: true; base: EditBase | null } | { ok: false; message: string }

export function parseEditBase(value: unknown): Parsed {
  if (value === undefined || value === null || value === '') return { ok: true, base: null }
  const match = typeof value === 'string' ? PATTERN.exec(value.trim()) : null
  if (!match) {
    return {
      ok: false,
      message:
        'This copy of the article does not say which version it was based on in a form the server understands. Reload the article and make the change again.',
    }
  }
  const keep = (match[2] ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [key, over] = pair.split('@')
      return { key: key!, over: Number(over) }
    })
  return { ok: true, base: { snapshot: Number(match[1]), keep } }
}

/** `If-Match: "123"`, `W/"123"` or `*` (any version: no merge). */
export function parseIfMatch(header: string | null): Parsed | 'any' {
  if (header === null) return { ok: true, base: null }
  const first = header.split(',')[0]!.trim()
  if (first === '*') return 'any'
  const match = /^(?:W\/)?"([^"]{1,1200})"$/.exec(first)
  if (!match) {
    return {
      ok: false,
      message:
        'If-Match must be an ETag this server sent (from GET /api/articles/:id), in double quotes.',
    }
  }
  const parsed = parseEditBase(match[1])
  if (!parsed.ok) {
    return {
      ok: false,
      message: 'If-Match names no version of this article: GET /api/articles/:id for its ETag.',
    }
  }
  return parsed
}

export function etagOf(snapshot: number): string {
  return `"${snapshot}"`
}

export function formatEditBase(base: EditBase): string {
  if (base.keep.length === 0) return String(base.snapshot)
  return `${base.snapshot};keep=${base.keep.map(({ key, over }) => `${key}@${over}`).join(',')}`
}

/**
 * The admin's `editKeep` field: `ROW@456,headline@456`, the sections and
 * fields the editor chose to keep after a conflict (see EditBase.keep). A
 * field of its own, so the base in `editBase` always follows the server.
 */
export function parseKeep(value: unknown): EditBase['keep'] | null {
  if (value === undefined || value === null || value === '') return []
  const parsed = typeof value === 'string' ? parseEditBase(`0;keep=${value.trim()}`) : null
  return parsed?.ok && parsed.base ? parsed.base.keep : null
}

/** The `editKeep` list with `key` kept over snapshot `over`. */
export function addKeep(list: string, key: string, over: number): string {
  const keep = (parseKeep(list) ?? []).filter((entry) => entry.key !== key)
  return [...keep, { key, over }].map((entry) => `${entry.key}@${entry.over}`).join(',')
}
