import type { CollectionBeforeOperationHook, FlattenedField, PayloadRequest, Where } from 'payload'

import { isAdmin } from '@/access/roles'
import { UserFacingError } from '@/lib/errors'
import { type PagingArgs, checkPaging } from '@/lib/queryPaging'

/** Payload's query operators (payload's `validOperators`, not exported from its entry point). */
const OPERATORS = new Set([
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

function refuse(message: string): never {
  throw new UserFacingError(message, 400)
}

type Resolved = { field: FlattenedField | null; hidden?: string; private?: string }

/**
 * The field a query path ends on, and whether it reaches something the person
 * may not read: a field whose read access refuses them (`hidden`: a
 * commenter's email for an author), or any field of a user's account
 * (`private`: `createdBy.email`) for anyone but an admin. Paths not resolved
 * here (blocks, polymorphic relations) end on `null`; Payload itself refuses
 * unknown paths.
 */
function resolve(fields: FlattenedField[], path: string, req: PayloadRequest): Resolved {
  let current = fields
  let field: FlattenedField | null = null
  const segments = path.split('.')
  for (const [index, segment] of segments.entries()) {
    field = current.find((candidate) => candidate.name === segment) ?? null
    if (!field) return { field: null }
    const read = 'access' in field ? field.access?.read : undefined
    if (read && !read({ req, siblingData: {}, data: {} } as Parameters<typeof read>[0])) {
      return { field, hidden: segments.slice(0, index + 1).join('.') }
    }
    if (field.type === 'group' || field.type === 'array' || field.type === 'tab') {
      current = field.flattenedFields
    } else if (field.type === 'relationship' || field.type === 'upload') {
      const next = segments[index + 1]
      if (typeof field.relationTo !== 'string' || next === undefined) continue
      if (field.relationTo === 'users' && next !== 'id' && !isAdmin(req.user)) {
        return { field, private: segments.slice(0, index + 2).join('.') }
      }
      current = req.payload.collections[field.relationTo]?.config.flattenedFields ?? []
    } else if (index < segments.length - 1) {
      return { field: null }
    }
  }
  return { field }
}

/**
 * `ignore`: for staff, a condition on a hidden field matches nothing and a
 * sort by it is dropped — the admin's list search ORs every searchable column,
 * and an author's search of comments must still work on the others. Readers,
 * and `refuse`, get a 400. A user's private fields are always refused.
 */
type Hidden = 'ignore' | 'refuse'

function check(fields: FlattenedField[], path: string, req: PayloadRequest, hidden: Hidden) {
  const resolved = resolve(fields, path, req)
  // Readers never use the admin's search: for them a hidden field is refused outright.
  const ignored = hidden === 'ignore' && Boolean(req.user)
  const denied = resolved.private ?? (ignored ? undefined : resolved.hidden)
  if (denied) refuse(`You cannot sort or filter by ${denied}: it is private.`)
  return resolved
}

const NOTHING: Where = { id: { exists: false } }

function checkOperators(key: string, value: unknown, field: FlattenedField | null): void {
  if (!value || typeof value !== 'object') return
  for (const operator of Object.keys(value)) {
    if (!OPERATORS.has(operator)) {
      refuse(
        `where[${key}][${operator}] is not a query operator; use one of ${[...OPERATORS].join(', ')}.`,
      )
    }
    if (!field) continue
    if (GEO_OPERATORS.has(operator) && field.type !== 'point') {
      refuse(`where[${key}][${operator}] works on map points only; ${key} is not one.`)
    }
    if (operator === 'all' && !('hasMany' in field && field.hasMany)) {
      refuse(`where[${key}][all] works on fields holding several values only; ${key} holds one.`)
    }
  }
}

function checkWhere(
  fields: FlattenedField[],
  where: unknown,
  req: PayloadRequest,
  hidden: Hidden,
): unknown {
  if (!where || typeof where !== 'object') return where
  let matchesNothing = false
  const entries = Object.entries(where as Record<string, unknown>).map(([key, value]) => {
    if (key === 'and' || key === 'or') {
      // Past 20 entries the query-string parser makes an object with numeric keys, not a list.
      const conditions = Array.isArray(value)
        ? value
        : value && typeof value === 'object'
          ? Object.values(value)
          : null
      if (!conditions) refuse(`where[${key}] must be a list of conditions.`)
      return [key, conditions.map((condition) => checkWhere(fields, condition, req, hidden))]
    }
    const resolved = check(fields, key, req, hidden)
    checkOperators(key, value, resolved.field)
    if (resolved.hidden) matchesNothing = true
    return [key, value]
  })
  return matchesNothing ? NOTHING : Object.fromEntries(entries)
}

function checkSort(fields: FlattenedField[], sort: unknown, req: PayloadRequest, hidden: Hidden) {
  if (sort === undefined) return sort
  const keys = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  const kept = keys.filter(
    (key) =>
      typeof key !== 'string' ||
      !key.trim() ||
      !check(fields, key.trim().replace(/^-/, ''), req, hidden).hidden,
  )
  return typeof sort === 'string' ? kept.join(',') : kept
}

type QueryArgs = PagingArgs & { where?: Where; sort?: unknown }

const QUERYING = new Set([
  'read',
  'count',
  'readDistinct',
  'findVersions',
  'countVersions',
  'update',
  'delete',
])

/**
 * Every collection's queries, before Payload runs them: where/sort may not
 * reach private fields (an ordering or filter oracle), malformed operators and
 * numbers answer 400 with a message instead of a database error, and readers'
 * pages are bounded. Queries the app makes itself with access overridden are
 * trusted as written.
 */
export const guardQueries: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  const query = args as QueryArgs & { overrideAccess?: boolean }
  if (!QUERYING.has(operation) || query.overrideAccess) return args
  const fields = collection.flattenedFields
  if (operation === 'findVersions' || operation === 'countVersions') {
    checkWhere(fields, unwrapVersion(query.where), req, 'refuse')
    checkSort(fields, stripVersion(query.sort), req, 'refuse')
    return { ...args, limit: checkPaging(query, req) ?? query.limit }
  }
  const where = checkWhere(fields, query.where, req, 'ignore') as Where | undefined
  if (operation !== 'read' && operation !== 'readDistinct') return { ...args, where }
  const sort = checkSort(fields, query.sort, req, 'ignore') as QueryArgs['sort']
  return { ...args, where, sort, limit: checkPaging(query, req) ?? query.limit }
}

/** Version queries address the document's fields under `version.`. */
function unwrapVersion(where: unknown): unknown {
  if (!where || typeof where !== 'object') return where
  return Object.fromEntries(
    Object.entries(where as Record<string, unknown>).flatMap(
      ([key, value]): [string, unknown][] => {
        if (key === 'and' || key === 'or') {
          return [[key, Array.isArray(value) ? value.map(unwrapVersion) : value]]
        }
        return key.startsWith('version.') ? [[key.slice('version.'.length), value]] : []
      },
    ),
  )
}

function stripVersion(sort: unknown): unknown {
  const keys = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  return keys.map((key) => (typeof key === 'string' ? key.replace(/^(-?)version\./, '$1') : key))
}
