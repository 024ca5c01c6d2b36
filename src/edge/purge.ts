import { env } from '@/env'

/**
 * Purging the proxies in front of the app (PURGE_URLS) by surrogate key:
 * Varnish's xkey soft purge, so a purged page is still served from grace
 * while its fresh copy renders (or while the database is down), and a hard
 * purge for what no reader may get again; then the most important pages are
 * fetched through each proxy so the next reader gets the new copy.
 *
 * A proxy that does not answer never holds up a publish: this runs after the
 * response, and a failed purge is logged and tried again with backoff (the
 * keys of every failed purge to that proxy in one request), until it
 * succeeds or ten minutes have passed — then it is logged as an error naming
 * how many keys were not purged.
 */

export interface PurgeLogger {
  warn: (entry: { msg: string; error?: unknown }) => void
  error: (entry: { msg: string; error?: unknown }) => void
}

/** Keys to purge: `soft` ones stay servable from grace, `hard` ones are removed. */
export interface PurgeKeys {
  soft: string[]
  hard: string[]
}

/** The request header carrying the keys of a PURGE (read only from the app's addresses). */
export const PURGE_KEYS_HEADER = 'x-purge-keys'
/** Present on a PURGE that removes its keys' objects outright. */
export const PURGE_HARD_HEADER = 'x-purge-hard'
/** Marks the app's own re-warming request: the proxy fetches a fresh copy for it. */
export const WARM_HEADER = 'x-broadsheet-warm'

const TIMEOUT_MS = 5_000
/** Varnish refuses request headers over 8 KB (http_req_hdr_len); keys go in chunks below that. */
const MAX_HEADER_BYTES = 6_000
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 60_000
const GIVE_UP_AFTER_MS = 10 * 60_000
/** A proxy down for long under a stream of changes: past this many keys, say so and stop. */
const MAX_PENDING_KEYS = 20_000

export function proxies(): string[] {
  return env.PURGE_URLS
}

function chunks(keys: string[]): string[] {
  const out: string[] = []
  let current = ''
  for (const key of keys) {
    if (current && current.length + key.length + 1 > MAX_HEADER_BYTES) {
      out.push(current)
      current = ''
    }
    current = current ? `${current} ${key}` : key
  }
  if (current) out.push(current)
  return out
}

/** Purges `keys` at one proxy (hard ones first); throws when it does not answer 2xx. */
export async function purgeAt(proxy: string, keys: PurgeKeys): Promise<void> {
  const requests = [
    ...chunks(keys.hard).map((chunk) => ({ chunk, hard: true })),
    ...chunks(keys.soft).map((chunk) => ({ chunk, hard: false })),
  ]
  for (const { chunk, hard } of requests) {
    const response = await fetch(new URL('/', proxy), {
      method: 'PURGE',
      headers: { [PURGE_KEYS_HEADER]: chunk, ...(hard ? { [PURGE_HARD_HEADER]: '1' } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    const body = await response.text()
    if (!response.ok) throw new Error(`${proxy} answered ${response.status}: ${body.slice(0, 200)}`)
  }
}

/** Fetches `paths` through one proxy, which replaces its copies with fresh ones from the app. */
export async function warmThrough(
  proxy: string,
  paths: string[],
  logger: PurgeLogger,
): Promise<void> {
  await Promise.all(
    paths.map(async (path) => {
      try {
        const response = await fetch(new URL(path, proxy), {
          headers: { [WARM_HEADER]: '1', 'accept-encoding': 'gzip' },
          signal: AbortSignal.timeout(10_000),
        })
        await response.arrayBuffer()
      } catch (error) {
        logger.warn({ msg: `Could not re-render ${path} through ${proxy} after publishing`, error })
      }
    }),
  )
}

interface Pending {
  soft: Set<string>
  hard: Set<string>
  since: number
  delay: number
  timer: NodeJS.Timeout | null
}

// One queue per process, whichever bundle (route handler, server action, admin) loaded this.
const QUEUE = Symbol.for('broadsheet.purgeQueue')
function queue(): Map<string, Pending> {
  const store = globalThis as typeof globalThis & { [QUEUE]?: Map<string, Pending> }
  return (store[QUEUE] ??= new Map())
}

/** Keys still waiting for a proxy that did not answer (for operators and tests). */
export function pendingPurges(): Record<string, number> {
  return Object.fromEntries(
    [...queue()].map(([proxy, pending]) => [proxy, pending.soft.size + pending.hard.size]),
  )
}

function schedule(proxy: string, pending: Pending, logger: PurgeLogger): void {
  if (pending.timer) clearTimeout(pending.timer)
  pending.timer = setTimeout(() => void retry(proxy, pending, logger), pending.delay)
  pending.timer.unref()
}

function drop(proxy: string, pending: Pending): void {
  if (pending.timer) clearTimeout(pending.timer)
  if (queue().get(proxy) === pending) queue().delete(proxy)
}

async function retry(proxy: string, pending: Pending, logger: PurgeLogger): Promise<void> {
  // Dropped or replaced meanwhile: nothing of this entry is to be done.
  if (queue().get(proxy) !== pending) return
  const keys = { soft: [...pending.soft], hard: [...pending.hard] }
  try {
    await purgeAt(proxy, keys)
    for (const key of keys.soft) pending.soft.delete(key)
    for (const key of keys.hard) pending.hard.delete(key)
    if (pending.soft.size + pending.hard.size === 0) return drop(proxy, pending)
    // Changes made while this retry was under way.
    Object.assign(pending, { since: Date.now(), delay: FIRST_RETRY_MS })
    schedule(proxy, pending, logger)
  } catch (error) {
    if (queue().get(proxy) !== pending) return
    const count = keys.soft.length + keys.hard.length
    if (Date.now() - pending.since > GIVE_UP_AFTER_MS) {
      drop(proxy, pending)
      logger.error({
        msg: `Gave up purging ${count} keys at ${proxy} after ten minutes; its pages may be stale until they expire (an hour at most)`,
        error,
      })
      return
    }
    pending.delay = Math.min(pending.delay * 2, MAX_RETRY_MS)
    logger.warn({
      msg: `Purge at ${proxy} failed again; retrying in ${pending.delay / 1000} s`,
      error,
    })
    schedule(proxy, pending, logger)
  }
}

/** Remembers keys a proxy did not take, and tries again later. */
function retryLater(proxy: string, keys: PurgeKeys, logger: PurgeLogger): void {
  let pending = queue().get(proxy)
  if (!pending) {
    pending = {
      soft: new Set(),
      hard: new Set(),
      since: Date.now(),
      delay: FIRST_RETRY_MS,
      timer: null,
    }
    queue().set(proxy, pending)
    schedule(proxy, pending, logger)
  }
  for (const key of keys.soft) pending.soft.add(key)
  for (const key of keys.hard) pending.hard.add(key)
  const size = pending.soft.size + pending.hard.size
  if (size > MAX_PENDING_KEYS) {
    logger.error({
      msg: `${proxy} has not taken a purge for ${Math.round((Date.now() - pending.since) / 1000)} s; dropping ${size} keys — its pages may be stale until they expire (an hour at most)`,
    })
    drop(proxy, pending)
  }
}

/**
 * Purges `keys` at every proxy, then re-warms `paths` through each proxy
 * that took the purge. Never throws. A proxy that takes this purge while
 * earlier keys wait for it is retried at once.
 */
export async function purgeProxies(
  keys: PurgeKeys,
  paths: string[],
  logger: PurgeLogger,
  targets: string[] = proxies(),
): Promise<void> {
  if (keys.soft.length + keys.hard.length === 0) return
  await Promise.all(
    targets.map(async (proxy) => {
      try {
        await purgeAt(proxy, keys)
      } catch (error) {
        logger.warn({ msg: `Could not purge ${proxy}; retrying in the background`, error })
        retryLater(proxy, keys, logger)
        return
      }
      const waiting = queue().get(proxy)
      if (waiting) {
        waiting.delay = 0
        schedule(proxy, waiting, logger)
      }
      await warmThrough(proxy, paths, logger)
    }),
  )
}
