/**
 * The one rule for "the database cannot be reached", and what this process
 * has last seen of it. Pages, route handlers, the REST API and proxy.ts all
 * ask here, so a refused connection is a 503 everywhere and a bug stays a 500.
 */

/** How long readers and clients are asked to wait (Retry-After) while the database is away. */
export const RETRY_AFTER_SECONDS = 30

/**
 * Socket errors (refused, reset, timed out, unresolvable host) and the
 * PostgreSQL states that mean "not now": 57P01–57P03 (shut down, crashed,
 * starting up), class 08 (connection exceptions) and 53300 (too many
 * connections).
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
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

/** node-postgres and pg-pool say these in words, without a code. */
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/

/**
 * True when `error` (or anything it wraps: drizzle's DrizzleQueryError and
 * Payload keep the driver's error as `cause`; a host with several addresses
 * fails with an AggregateError) says the database could not be reached.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 8) return false
  const { code, message, cause, errors } = error as {
    code?: unknown
    message?: unknown
    cause?: unknown
    errors?: unknown
  }
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))) {
    return true
  }
  return isDatabaseUnreachable(cause, depth + 1)
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
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnreachable(error)) return false
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
