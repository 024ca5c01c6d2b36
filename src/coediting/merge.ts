/**
 * Merging two editors' saves of one article, section by section.
 *
 * Every save says what its copy was based on: a snapshot holding the article
 * as the server last returned it to that copy (`returned`) and, when the copy
 * itself saved it, what it sent (`sent`). A value the copy still holds in
 * either form was not touched by its editor, so the server keeps whatever is
 * current. A value the copy changed is taken unless someone else changed it
 * too since the copy last saw it: then it is a conflict, named, and nothing
 * is written. The body merges by section (rows keyed by their stable id);
 * every other field merges as a whole.
 */

export type ArticleData = Record<string, unknown>

export interface Base {
  /** The article as the server last returned it to this copy. */
  returned: ArticleData
  /** What this copy last sent, when it was a save (its editor's own text, before the hooks). */
  sent: ArticleData | null
}

export interface Conflict {
  kind: 'section' | 'field'
  /** The section's row id, or the field's name. */
  key: string
  /** Where the section is in the editor's copy (its row index), when it is there. */
  index: number | null
  /** The section heading (theirs, else yours) or the field's name. */
  label: string
  /** The current value (null: they removed the section). */
  theirs: unknown
  /** The editor's value (null: they removed the section). */
  yours: unknown
}

export interface MergeResult {
  merged: ArticleData
  conflicts: Conflict[]
}

/** Fields the server derives or keeps for itself: never merged, never conflicts. */
export const UNMERGED_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'editBase',
  'editSession',
  'embeddedTables',
  'embeddedFaqs',
  'checklist',
])

const BODY = 'body'

type Row = Record<string, unknown> & { id: string }

/**
 * One canonical form for comparing: keys sorted; empty values (null, '', [],
 * undefined) dropped; a populated document (the admin sends some relations
 * as the related document) reduced to its id.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>
    if ('id' in object && 'createdAt' in object && 'updatedAt' in object) return object.id
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(object).sort()) {
      const inner = object[key]
      if (isEmpty(inner)) continue
      out[key] = canonical(inner)
    }
    return out
  }
  return value
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

export function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** Marks a section a save adds without an id (Payload gives it one when it is stored). */
const NEW_ROW = '\u0000new:'

function rowsOf(data: ArticleData | null | undefined): Row[] {
  const body = data?.[BODY]
  if (!Array.isArray(body)) return []
  return body.flatMap((row, index) => {
    if (!row || typeof row !== 'object') return []
    const { id } = row as { id?: unknown }
    if (typeof id === 'string' && id !== '') return [row as Row]
    return [{ ...(row as object), id: `${NEW_ROW}${index}` } as Row]
  })
}

function withoutPlaceholder(row: Row): Row {
  if (!row.id.startsWith(NEW_ROW)) return row
  const { id: _id, ...rest } = row
  return rest as Row
}

function byId(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((row) => [row.id, row]))
}

/** A row's content, for comparing (its id aside). */
function content(row: Row | undefined): unknown {
  if (!row) return null
  const { id: _id, ...rest } = row
  return rest
}

/**
 * Whether a copy already held `value`: as the server last returned it, or as
 * it last sent it. An incoming value it held is one its editor did not touch;
 * a current value it held is one nobody else has changed since.
 */
type Known = (value: unknown) => boolean

function knownTo(returned: unknown, sent: unknown, hasSent: boolean): Known {
  return (value) => same(value, returned) || (hasSent && same(value, sent))
}

type Decision = { take: 'current' } | { take: 'incoming' } | { conflict: true }

function decide(incoming: unknown, current: unknown, known: Known, keep: boolean): Decision {
  if (known(incoming)) return { take: 'current' }
  if (same(incoming, current) || known(current) || keep) return { take: 'incoming' }
  return { conflict: true }
}

function headingOf(row: Row | undefined): string | null {
  const heading = row?.heading
  return typeof heading === 'string' && heading.trim() ? heading.trim() : null
}

/**
 * Merges `incoming` (a save's data; keys it leaves out are unchanged) into
 * `current` (the article's latest version) against what the saving copy was
 * based on. `keep` names sections (row ids) and fields the editor chose to
 * keep as theirs after a conflict: their value wins over the current one.
 */
export function mergeEdits({
  base,
  current,
  incoming,
  keep = new Set<string>(),
}: {
  base: Base
  current: ArticleData
  incoming: ArticleData
  keep?: ReadonlySet<string>
}): MergeResult {
  const merged: ArticleData = { ...incoming }
  const conflicts: Conflict[] = []
  const hasSent = base.sent !== null

  for (const key of Object.keys(incoming)) {
    if (UNMERGED_FIELDS.has(key) || key === BODY) continue
    const known = knownTo(base.returned[key], base.sent?.[key], hasSent)
    const decision = decide(incoming[key], current[key], known, keep.has(key))
    if ('conflict' in decision) {
      conflicts.push({
        kind: 'field',
        key,
        index: null,
        label: key,
        theirs: current[key] ?? null,
        yours: incoming[key] ?? null,
      })
    } else if (decision.take === 'current') {
      merged[key] = current[key] ?? null
    }
  }

  if (BODY in incoming) {
    const body = mergeBody(base, current, incoming, keep, hasSent)
    merged[BODY] = body.rows
    conflicts.push(...body.conflicts)
  }
  return { merged, conflicts }
}

function mergeBody(
  base: Base,
  current: ArticleData,
  incoming: ArticleData,
  keep: ReadonlySet<string>,
  hasSent: boolean,
): { rows: Row[]; conflicts: Conflict[] } {
  const incomingRows = rowsOf(incoming)
  const currentRows = rowsOf(current)
  const returnedById = byId(rowsOf(base.returned))
  const sentById = byId(rowsOf(base.sent))
  const currentById = byId(currentRows)
  const incomingById = byId(incomingRows)
  const knewRow = (id: string) => returnedById.has(id) || sentById.has(id)
  const knownRow = (id: string) =>
    knownTo(content(returnedById.get(id)), content(sentById.get(id)), hasSent)

  const conflicts: Conflict[] = []
  const chosen = new Map<string, Row>()
  const conflict = (id: string, theirs: Row | undefined, yours: Row | undefined) => {
    const index = incomingRows.findIndex((row) => row.id === id)
    conflicts.push({
      kind: 'section',
      key: id,
      index: index === -1 ? null : index,
      label: headingOf(theirs) ?? headingOf(yours) ?? `Section ${index + 1}`,
      theirs: theirs ?? null,
      yours: yours ?? null,
    })
  }

  for (const row of incomingRows) {
    const theirs = currentById.get(row.id)
    const known = knownRow(row.id)
    if (theirs) {
      const decision = decide(content(row), content(theirs), known, keep.has(row.id))
      if ('conflict' in decision) conflict(row.id, theirs, row)
      else chosen.set(row.id, decision.take === 'current' ? theirs : row)
    } else if (knewRow(row.id)) {
      // Someone removed a section this copy had: gone, unless this editor changed it meanwhile.
      if (known(content(row))) continue
      if (keep.has(row.id)) chosen.set(row.id, row)
      else conflict(row.id, undefined, row)
    } else {
      chosen.set(row.id, row) // a section this editor added
    }
  }
  for (const theirs of currentRows) {
    if (incomingById.has(theirs.id)) continue
    if (!knewRow(theirs.id)) {
      chosen.set(theirs.id, theirs) // a section someone else added
      continue
    }
    // This editor removed a section: gone, unless someone else changed it meanwhile.
    if (knownRow(theirs.id)(content(theirs)) || keep.has(theirs.id)) continue
    conflict(theirs.id, theirs, undefined)
  }

  return { rows: order(base, currentRows, incomingRows, chosen), conflicts }
}

/**
 * The merged order: the incoming copy's when its editor reordered sections,
 * else the current one's; sections only the other side has go in after the
 * section they follow there.
 */
function order(
  base: Base,
  currentRows: Row[],
  incomingRows: Row[],
  chosen: Map<string, Row>,
): Row[] {
  const baseOrder = rowsOf(base.returned).map((row) => row.id)
  const sentOrder = rowsOf(base.sent).map((row) => row.id)
  const incomingIds = incomingRows.map((row) => row.id)
  const currentIds = currentRows.map((row) => row.id)
  const reordered =
    !sameOrder(incomingIds, baseOrder, currentIds) &&
    (sentOrder.length === 0 || !sameOrder(incomingIds, sentOrder, currentIds))
  const [skeleton, other] = reordered ? [incomingIds, currentIds] : [currentIds, incomingIds]

  const result = skeleton.filter((id) => chosen.has(id))
  const placed = new Set(result)
  other.forEach((id, position) => {
    if (placed.has(id) || !chosen.has(id)) return
    let after = -1
    for (let i = position - 1; i >= 0; i -= 1) {
      const found = result.indexOf(other[i]!)
      if (found !== -1) {
        after = found
        break
      }
    }
    result.splice(after + 1, 0, id)
    placed.add(id)
  })
  return result.map((id) => withoutPlaceholder(chosen.get(id)!))
}

/** Whether `a` and `b` put the rows they share with `among` in the same order. */
function sameOrder(a: string[], b: string[], among: string[]): boolean {
  const shared = new Set(among.filter((id) => a.includes(id) && b.includes(id)))
  const left = a.filter((id) => shared.has(id))
  const right = b.filter((id) => shared.has(id))
  return left.every((id, i) => id === right[i])
}
