import { sql } from '@payloadcms/db-postgres'
import {
  APIError,
  type CollectionAfterOperationHook,
  type CollectionAfterReadHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type TextField,
} from 'payload'

import { database, rowsOf } from '@/lib/database'

import { type ArticleData, type Conflict, mergeEdits, same } from './merge'
import { CONFLICT_ADVICE, conflictSentence } from './messages'
import { loadSnapshot, mergeable, snapshotOfRead, snapshotOfSave, whoChanged } from './snapshots'
import { type EditBase, etagOf, parseEditBase, parseIfMatch, parseKeep } from './token'

/** Set while this module reads the article itself, so that read makes no snapshot. */
const READING = 'coeditingRead'
/** The snapshot this request's save made (the saving copy's new base). */
const SAVED = 'coeditingSaved'
/** What the saving copy sent, in compared form, and what the merge took from others. */
const SENT = 'coeditingSent'
const MERGED_IN = 'coeditingMergedIn'

/** Set while a delete runs: what it reads on the way out needs no base. */
const DELETING = 'coeditingDeleting'
/** Set for the article a staff member's update is saving (its id). */
const SAVING = 'coeditingSaving'

/**
 * The hidden field the admin carries its base in: filled when a staff member
 * opens an article (or the API returns one), sent back with every save.
 */
export const editBaseField: TextField = {
  name: 'editBase',
  type: 'text',
  virtual: true,
  admin: { hidden: true },
}

/** The sections and fields an editor chose to keep after a conflict (see parseKeep). */
export const editKeepField: TextField = {
  name: 'editKeep',
  type: 'text',
  virtual: true,
  admin: { hidden: true },
}

/**
 * Fills `editBase` on an article a staff member reads or saves. A save's own
 * result records the save (what its copy sent and what was stored): the
 * collection's afterRead runs once, on the stored result, before the
 * transaction commits, so a save that fails leaves no snapshot.
 */
export const fillEditBase: CollectionAfterReadHook = async ({ doc, findMany, req }) => {
  if (findMany || !req.user || typeof doc?.id !== 'number') return doc
  if (req.context[READING] || req.context[DELETING]) return doc
  const saved = (req.context[SAVED] ??= {}) as Record<number, number>
  if (req.context[SAVING] === doc.id) {
    if (saved[doc.id] === undefined) {
      saved[doc.id] = await snapshotOfSave(
        req,
        doc.id,
        {
          sent: (req.context[SENT] as ArticleData | undefined) ?? null,
          mergedIn: (req.context[MERGED_IN] as string[] | undefined) ?? null,
        },
        doc,
      )
    }
    return { ...doc, editBase: String(saved[doc.id]) }
  }
  return { ...doc, editBase: String(await snapshotOfRead(req, doc.id, doc)) }
}

/** `ETag` on a single article from the API: the version If-Match names. */
export const sendEditTag: CollectionAfterOperationHook<'articles'> = ({
  operation,
  req,
  result,
}) => {
  if (operation !== 'findByID' && operation !== 'updateByID') return result
  const base = parseEditBase((result as { editBase?: unknown } | null)?.editBase)
  if (base.ok && base.base) {
    const headers = new Headers(req.responseHeaders ?? undefined)
    headers.set('ETag', etagOf(base.base.snapshot))
    headers.append('Vary', 'Cookie')
    req.responseHeaders = headers
  }
  return result
}

/** 409: the same section (or field) changed on both sides. */
export class EditConflict extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 409, data, true)
  }
}

/**
 * Before a save of one article that says what it was based on (`editBase`
 * from the admin, `If-Match` from the API): take the row lock, read the
 * latest version, merge section by section, and either save the merge or
 * refuse with a 409 naming each conflict and who made the other change.
 * A save that names no base (scripts, the Local API, a PATCH without
 * If-Match) is saved as before.
 */
export const mergeConcurrentEdits: CollectionBeforeOperationHook<'articles'> = async ({
  args,
  operation,
  req,
}) => {
  if (operation === 'delete') req.context[DELETING] = true
  if (operation !== 'update' || !('id' in args) || args.id === undefined || args.id === null) {
    return args
  }
  const data = args.data as ArticleData | undefined
  if (!data || typeof data !== 'object') return args

  const fromHeader = parseIfMatch(req.headers?.get('if-match') ?? null)
  if (fromHeader === 'any') return args
  if (!fromHeader.ok) throw new APIError(fromHeader.message, 400, null, true)
  const fromData = parseEditBase(data.editBase)
  if (!fromData.ok) throw new APIError(fromData.message, 400, null, true)
  const kept = parseKeep(data.editKeep)
  if (kept === null) throw new APIError(KEEP_MESSAGE, 400, null, true)
  const base = fromHeader.base ?? fromData.base
  if (base) base.keep.push(...kept)
  delete data.editBase
  delete data.editKeep
  const id = Number(args.id)
  if (!req.user || !Number.isSafeInteger(id)) return args
  req.context[SAVING] = id
  // Only someone who may change this article learns anything from a merge (who changed what).
  if (!base || !(await mayUpdate(req, id, data))) return args
  // Payload's document lock refuses (423) a save by anyone but the editor who typed last. A save
  // that merges cannot overwrite anyone's work, so the lock does not stand in its way.
  args.overrideLock = true

  await lockArticle(req, id)

  const current = await readLatest(req, id)
  if (!current) return args // not found or not allowed: the operation answers that itself
  const snapshot = await loadSnapshot(req, id, base.snapshot)
  const keep = await validKeeps(req, id, base, current)
  const { merged, conflicts, mergedIn, overrode } = mergeEdits({
    // A base this server no longer has (pruned, or from another database): nothing is known, so
    // every difference from the current version is a conflict, never a silent overwrite.
    base: snapshot ?? { returned: {}, sent: null },
    current,
    incoming: data,
    keep,
  })
  if (conflicts.length > 0) {
    throw await conflictError(req, id, base.snapshot, current, conflicts)
  }
  if (args.autosave && overrode.length > 0) await keepOthersAutosave(req, id)
  req.context[SENT] = mergeable(data)
  req.context[MERGED_IN] = mergedIn
  args.data = merged
  return args
}

const KEEP_MESSAGE =
  'This copy of the article names sections to keep in a form the server does not understand. Reload the article and make the change again.'

async function mayUpdate(req: PayloadRequest, id: number, data: ArticleData): Promise<boolean> {
  const rule = req.payload.collections.articles.config.access.update
  const access = await rule({ id, data, req })
  if (access === true) return true
  if (!access) return false
  const { totalDocs } = await req.payload.count({
    collection: 'articles',
    where: { and: [{ id: { equals: id } }, access] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * Saves of one article queue here until the one before has committed. A
 * save kept waiting more than a few seconds is refused, not left holding a
 * database connection the whole site shares.
 */
async function lockArticle(req: PayloadRequest, id: number): Promise<void> {
  const db = await database(req)
  try {
    if (req.transactionID) await db.execute(sql`SET LOCAL lock_timeout = '8s'`)
    await db.execute(sql`SELECT id FROM articles WHERE id = ${id} FOR NO KEY UPDATE`)
  } catch (error) {
    if (codeOf(error) !== '55P03') throw error
    throw new APIError(
      'Another save of this article is still being stored. Nothing was lost: your text is still in your editor and will be saved with your next change.',
      503,
      null,
      true,
    )
  }
}

function codeOf(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (typeof current.code === 'string') return current.code
    current = current.cause as typeof current
  }
  return undefined
}

async function readLatest(req: PayloadRequest, id: number): Promise<ArticleData | null> {
  req.context[READING] = true
  try {
    const doc = await req.payload.findByID({
      collection: 'articles',
      id,
      draft: true,
      depth: 0,
      req,
      overrideAccess: false,
      disableErrors: true,
    })
    return (doc as ArticleData | null) ?? null
  } finally {
    delete req.context[READING]
  }
}

/** The sections the editor chose to keep, while they still hold what the editor was shown. */
async function validKeeps(
  req: PayloadRequest,
  id: number,
  base: EditBase,
  current: ArticleData,
): Promise<Set<string>> {
  const keep = new Set<string>()
  for (const { key, over } of base.keep) {
    const shown = await loadSnapshot(req, id, over)
    if (!shown) continue
    const then = valueOf(shown.returned, key)
    const now = valueOf(current, key)
    if (same(then, now)) keep.add(key)
  }
  return keep
}

function valueOf(data: ArticleData, key: string): unknown {
  if (key in data) return data[key]
  const rows = Array.isArray(data.body) ? (data.body as { id?: string }[]) : []
  return rows.find((row) => row?.id === key) ?? null
}

/**
 * Payload overwrites the latest autosaved version in place. A merged save
 * holds everything the other editor typed, except where this editor chose
 * to keep their own text over theirs: then that version is marked an
 * ordinary one first, so theirs stays in Versions and this autosave starts
 * a version of its own. (Splitting on every alternation would fill Versions
 * within minutes and push the published revisions past its limit.)
 */
async function keepOthersAutosave(req: PayloadRequest, id: number): Promise<void> {
  const db = await database(req)
  const [latest] = rowsOf<{ id: number; autosave: boolean | null; user_id: number | null }>(
    await db.execute(sql`
      SELECT v.id, v.autosave,
        (SELECT s.user_id FROM edit_snapshots s
         WHERE s.article_id = ${id} AND s.is_save ORDER BY s.id DESC LIMIT 1) AS user_id
      FROM _articles_v v WHERE v.parent_id = ${id} ORDER BY v.updated_at DESC LIMIT 1`),
  )
  if (latest?.autosave && latest.user_id !== null && latest.user_id !== req.user?.id) {
    await db.execute(sql`UPDATE _articles_v SET autosave = false WHERE id = ${latest.id}`)
  }
}

async function conflictError(
  req: PayloadRequest,
  id: number,
  baseSnapshot: number,
  current: ArticleData,
  conflicts: Conflict[],
): Promise<EditConflict> {
  // The current version, as the editor will see it in the conflict view: choosing "keep mine"
  // names it, so a later change to the same section is caught again.
  // Stored outside the transaction the refusal rolls back (the row lock above is one that the
  // snapshot's reference to the article does not wait for).
  const shown = await snapshotOfRead(req, id, current, { outsideTransaction: true })
  const labels = new Map(
    req.payload.collections.articles.config.flattenedFields.map((field) => [
      field.name,
      'label' in field && typeof field.label === 'string' ? field.label : field.name,
    ]),
  )
  const described = await Promise.all(
    conflicts.map(async (conflict) => {
      const who = conflict.theirs
        ? await whoChanged(req, id, baseSnapshot, conflict.kind, conflict.key, conflict.theirs)
        : null
      const label =
        conflict.kind === 'field' ? (labels.get(conflict.key) ?? conflict.label) : conflict.label
      return {
        ...conflict,
        label,
        changedBy: who?.name ?? null,
        changedAt: who?.at.toISOString() ?? null,
      }
    }),
  )
  const message = [...described.map(conflictSentence), CONFLICT_ADVICE].join(' ')
  return new EditConflict(message, {
    // What "keep mine" is checked against (see EditBase.keep).
    current: shown,
    conflicts: described,
    errors: described.map((conflict) => ({
      path:
        conflict.kind === 'section'
          ? conflict.index === null
            ? 'body'
            : `body.${conflict.index}.heading`
          : conflict.key,
      message: conflictSentence(conflict),
    })),
  })
}
