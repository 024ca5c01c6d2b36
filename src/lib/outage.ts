/**
 * The one rule for "the database cannot be reached", and what this process
 * has last seen of it. Pages, route handlers, the REST API and proxy.ts all
 * ask here, so a refused connection is a 503 everywhere and a bug stays a 500.
 */

/** How long readers and clients are asked to wait (Retry-After) while the database is away. */
export const RETRY_AFTER_SECONDS = 30

/**
 * Socket errors (refused, reset, timed out, unresolvable host): the database
 * is unreachable only when its own connection failed with one. Anything else
 * the app talks to (a proxy it purges, Redis, a bucket) fails with the same
 * codes, and must never turn reader pages into 503s.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

/**
 * PostgreSQL's states that mean "not now", which only the database sends:
 * 57P01–57P03 (shut down, crashed, starting up), class 08 (connection
 * exceptions) and 53300 (too many connections).
 */
const POSTGRES_UNAVAILABLE = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
])

/** node-postgres and pg-pool say these in words, without a code (no other client says them). */
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/

/** Drizzle's wrapper round any error of a query (Payload's queries throw it), connecting included. */
function isQueryError(error: { name?: unknown; message?: unknown }): boolean {
  return (
    error.name === 'DrizzleQueryError' ||
    (typeof error.message === 'string' && error.message.startsWith('Failed query: '))
  )
}

export interface ErrorSource {
  /**
   * The caller got `error` from a database connection or pool of its own
   * (node-postgres, unwrapped): its socket errors are the database's.
   */
  fromDatabase?: boolean
}

/**
 * True when `error` (or anything it wraps: drizzle's DrizzleQueryError and
 * Payload keep the driver's error as `cause`; a host with several addresses
 * fails with an AggregateError) says the database could not be reached. A
 * socket error counts only from the database's connection: inside a query's
 * error, or where the caller says the error is the database's.
 */
export function isDatabaseUnreachable(error: unknown, source: ErrorSource = {}): boolean {
  return unreachable(error, source.fromDatabase === true, 0)
}

function unreachable(error: unknown, fromDatabase: boolean, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 8) return false
  const { code, message, cause, errors, name } = error as {
    code?: unknown
    message?: unknown
    cause?: unknown
    errors?: unknown
    name?: unknown
  }
  const database = fromDatabase || isQueryError({ name, message })
  if (typeof code === 'string' && POSTGRES_UNAVAILABLE.has(code)) return true
  if (database && typeof code === 'string' && SOCKET_CODES.has(code)) return true
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true
  if (Array.isArray(errors) && errors.some((inner) => unreachable(inner, database, depth + 1))) {
    return true
  }
  return unreachable(cause, database, depth + 1)
}

/** What this process last saw; shared by proxy.ts and the app's bundles through globalThis. */
// `latest` rather than comparing the two times: both can fall in the same millisecond.
type Sightings = { unreachableAt: number; latest: 'reachable' | 'unreachable' | null }
const SIGHTINGS = Symbol.for('broadsheet.databaseSightings')

function sightings(): Sightings {
  const store = globalThis as typeof globalThis & { [SIGHTINGS]?: Sightings }
  return (store[SIGHTINGS] ??= { unreachableAt: 0, latest: null })
}

/** Records `error` if it says the database is unreachable; returns whether it did. */
export function noteDatabaseError(error: unknown, source: ErrorSource = {}): boolean {
  if (!isDatabaseUnreachable(error, source)) return false
  const seen = sightings()
  seen.unreachableAt = Date.now()
  seen.latest = 'unreachable'
  return true
}

export function noteDatabaseReachable(): void {
  sightings().latest = 'reachable'
}

/**
 * True while the latest word about the database is that it could not be
 * reached, for up to a minute: after that, the next request finds out again.
 */
export function databaseSeemsDown(now = Date.now()): boolean {
  const { unreachableAt, latest } = sightings()
  return latest === 'unreachable' && now - unreachableAt < 60_000
}
