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
  /**
   * Fields and sections (row ids) that save took from someone else's change:
   * the copy was sent them but may not show them yet (Payload's form keeps
   * the value of the field being typed in), so a change it makes to one of
   * them is not known to be made on top of theirs.
   */
  mergedIn?: readonly string[]
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
  /** What the merge took from the current version over a different incoming value. */
  mergedIn: string[]
  /** What the editor's choice to keep their own text replaced of someone else's. */
  overrode: string[]
}

/** Fields the server derives or keeps for itself: never merged, never conflicts. */
export const UNMERGED_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'editBase',
  'editKeep',
  'editSession',
  'embeddedTables',
  'embeddedFaqs',
  'checklist',
])

/**
 * Moves in a workflow, not text: a changed value is taken as the editor's
 * move and judged against the current state by that workflow's own rules
 * (src/review refuses a stale move with its own sentence).
 */
export const WORKFLOW_FIELDS = new Set(['reviewStatus'])

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

type Decision = { take: 'current' } | { take: 'incoming'; overriding?: true } | { conflict: true }

/**
 * One field or section. Untouched by this copy: the current value. Changed
 * by it: taken if nobody else changed it since — unless the copy was just
 * sent someone else's change there (`pending`), when it is not known which
 * one the editor was looking at — or the editor chose to keep theirs.
 */
function decide(
  incoming: unknown,
  current: unknown,
  known: Known,
  { keep, pending }: { keep: boolean; pending: boolean },
): Decision {
  if (known(incoming)) return { take: 'current' }
  if (same(incoming, current)) return { take: 'incoming' }
  if (known(current) && !pending) return { take: 'incoming' }
  if (keep) return { take: 'incoming', overriding: true }
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
  const mergedIn: string[] = []
  const overrode: string[] = []
  const hasSent = base.sent !== null
  const pending = new Set(base.mergedIn)

  for (const key of Object.keys(incoming)) {
    if (UNMERGED_FIELDS.has(key) || key === BODY) continue
    const known = knownTo(base.returned[key], base.sent?.[key], hasSent)
    if (WORKFLOW_FIELDS.has(key)) {
      if (known(incoming[key])) merged[key] = current[key] ?? null
      continue
    }
    const decision = decide(incoming[key], current[key], known, {
      keep: keep.has(key),
      pending: pending.has(key),
    })
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
      if (!same(incoming[key], current[key])) mergedIn.push(key)
    } else if (decision.overriding) {
      overrode.push(key)
    }
  }

  if (BODY in incoming) {
    const body = mergeBody(base, current, incoming, keep, pending, hasSent)
    merged[BODY] = body.rows
    conflicts.push(...body.conflicts)
    mergedIn.push(...body.mergedIn)
    overrode.push(...body.overrode)
  }
  return { merged, conflicts, mergedIn, overrode }
}

function mergeBody(
  base: Base,
  current: ArticleData,
  incoming: ArticleData,
  keep: ReadonlySet<string>,
  pending: ReadonlySet<string>,
  hasSent: boolean,
): { rows: Row[]; conflicts: Conflict[]; mergedIn: string[]; overrode: string[] } {
  const currentRows = rowsOf(current)
  const returnedById = byId(rowsOf(base.returned))
  const sentById = byId(rowsOf(base.sent))
  const currentById = byId(currentRows)
  const knewRow = (id: string) => returnedById.has(id) || sentById.has(id)
  const knownRow = (id: string) =>
    knownTo(content(returnedById.get(id)), content(sentById.get(id)), hasSent)
  const incomingRows = distinct(rowsOf(incoming), knownRow)
  const incomingById = byId(incomingRows)

  const conflicts: Conflict[] = []
  const mergedIn: string[] = []
  const overrode: string[] = []
  const chosen = new Map<string, Row>()

  for (const row of incomingRows) {
    const theirs = currentById.get(row.id)
    const known = knownRow(row.id)
    if (theirs) {
      const decision = decide(content(row), content(theirs), known, {
        keep: keep.has(row.id),
        pending: pending.has(row.id),
      })
      if ('conflict' in decision) {
        const index = incomingRows.indexOf(row)
        conflicts.push({
          kind: 'section',
          key: row.id,
          index,
          label: headingOf(theirs) ?? headingOf(row) ?? `Section ${index + 1}`,
          theirs,
          yours: row,
        })
      } else if (decision.take === 'current') {
        chosen.set(row.id, theirs)
        if (!same(content(row), content(theirs))) mergedIn.push(row.id)
      } else {
        chosen.set(row.id, row)
        if (decision.overriding) overrode.push(row.id)
      }
    } else if (!knewRow(row.id) || !known(content(row))) {
      // A section this editor added; or one someone else removed while this editor was changing
      // it: kept, so nothing typed is lost (the other editor sees it come back).
      chosen.set(row.id, row)
    }
  }
  for (const theirs of currentRows) {
    if (incomingById.has(theirs.id)) continue
    const removedHere =
      knewRow(theirs.id) && !pending.has(theirs.id) && knownRow(theirs.id)(content(theirs))
    // Gone only when this editor removed a section nobody else has changed since; a section someone
    // else added, changed, or that this copy may not show yet stays.
    if (removedHere) continue
    chosen.set(theirs.id, theirs)
    mergedIn.push(theirs.id)
  }

  return { rows: order(base, currentRows, incomingRows, chosen), conflicts, mergedIn, overrode }
}

/**
 * One row per section id. Payload's form, merging a save's answer while a
 * section was added elsewhere, can hold a section twice: the copy this
 * editor changed wins over one that is only what was known.
 */
function distinct(rows: Row[], knownRow: (id: string) => Known): Row[] {
  const seen = new Map<string, Row>()
  for (const row of rows) {
    const earlier = seen.get(row.id)
    if (!earlier || knownRow(row.id)(content(earlier))) seen.set(row.id, row)
  }
  return rows.filter((row) => seen.get(row.id) === row)
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
