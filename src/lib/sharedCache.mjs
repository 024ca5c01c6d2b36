// The cache every app replica shares (REDIS_URL), for the cache handler (cacheHandler.mjs). Plain
// JavaScript for the same reason as the handler: Next loads it at run time, unbundled.
//
// Entries are stored under REDIS_KEY_PREFIX + the build's id (a page names its build's script
// files, so another build never serves it), for 14 days from their last render. Tag invalidations
// live in one hash, `<prefix>tags`, whose fields are Next's own tag-manifest entries
// ({ stale, expired } times): a replica reads the ones an entry carries before judging it, so a
// publish on any replica reaches every replica's next read. A replica that cannot reach Redis
// serves from its own cache and keeps the invalidations it made, to share them once Redis is back.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createClient } from 'redis'

const STATUS = Symbol.for('broadsheet.sharedCache')
const CLIENT = Symbol.for('broadsheet.sharedCache.client')
/** A read that takes longer is given up: the replica renders or serves its own copy instead. */
const TIMEOUT_MS = 500
const ENTRY_TTL_SECONDS = 14 * 24 * 60 * 60

/** What the readiness endpoint reports: is a shared cache configured, and is it reachable? */
function setStatus(status) {
  globalThis[STATUS] = status
}

function log(level, message, error) {
  const detail = error ? `: ${error.message ?? error}` : ''
  console[level](`[shared cache] ${message}${detail}`)
}

function withTimeout(promise, what) {
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis took over ${TIMEOUT_MS} ms to ${what}`)),
        TIMEOUT_MS,
      )
    }),
  ]).finally(() => clearTimeout(timer))
}

// Buffers (an RSC payload, a route's body) and Maps (a page's segments) as JSON.
const BUFFER = '__broadsheetBuffer'
const MAP = '__broadsheetMap'
function replacer(key, value) {
  const raw = this[key]
  if (Buffer.isBuffer(raw)) return { [BUFFER]: raw.toString('base64') }
  if (raw instanceof Map) return { [MAP]: [...raw] }
  return value
}
function reviver(_key, value) {
  if (value && typeof value === 'object') {
    if (typeof value[BUFFER] === 'string') return Buffer.from(value[BUFFER], 'base64')
    if (Array.isArray(value[MAP])) return new Map(value[MAP])
  }
  return value
}

/** Build ids by build folder, read once: every cache read and write names one. */
const buildIds = new Map()

function buildId(serverDistDir) {
  const known = buildIds.get(serverDistDir)
  if (known) return known
  try {
    const id = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
    buildIds.set(serverDistDir, id)
    return id
  } catch {
    return 'unbuilt'
  }
}

/** A tag-manifest entry's revision: every revalidation sets `stale` to its own time. */
export const revision = (entry) => entry?.stale ?? entry?.expired ?? 0

function connect(url, prefix) {
  const status = { configured: true, connected: false }
  setStatus(status)
  const tagsKey = `${prefix}tags`
  /** Invalidations made while Redis was away, shared when it is back. */
  const pending = new Map()
  const client = createClient({
    url,
    // A command while disconnected fails at once instead of waiting in a queue.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5000),
    },
  })
  let reported = null
  client.on('ready', () => {
    status.connected = true
    delete status.error
    reported = null
    log('info', `connected to ${new URL(url).host} (keys under "${prefix}")`)
    void flush()
  })
  client.on('error', (error) => {
    status.connected = client.isReady
    status.error = error.message || String(error)
    // Once per outage, not once per reconnection attempt.
    if (reported !== status.error) {
      reported = status.error
      log(
        'error',
        'Redis is unreachable; this replica serves from its own cache until it is back',
        error,
      )
    }
  })
  client.on('end', () => (status.connected = false))
  client.on('reconnecting', () => (status.connected = false))
  client.connect().catch(() => {
    // Reported by the 'error' handler; the client keeps reconnecting.
  })

  async function flush() {
    if (pending.size === 0) return
    const snapshot = new Map(pending)
    const tags = [...snapshot.keys()]
    try {
      const remote = await withTimeout(client.hmGet(tagsKey, tags), 'read tags')
      const newer = tags.filter((tag, index) => {
        const stored = remote[index] ? JSON.parse(remote[index]) : undefined
        return revision(snapshot.get(tag)) > revision(stored)
      })
      if (newer.length > 0) {
        await withTimeout(
          client.hSet(
            tagsKey,
            Object.fromEntries(newer.map((tag) => [tag, JSON.stringify(snapshot.get(tag))])),
          ),
          'share tags',
        )
      }
      // An invalidation made again meanwhile stays for the next flush.
      for (const tag of tags) if (pending.get(tag) === snapshot.get(tag)) pending.delete(tag)
    } catch (error) {
      log('warn', 'could not share invalidations yet', error)
    }
  }

  const entryKey = (distDir, key) => `${prefix}${buildId(distDir)}:${key}`

  return {
    ready: () => client.isReady,
    async get(distDir, key) {
      const stored = await withTimeout(client.get(entryKey(distDir, key)), 'read an entry')
      return stored ? JSON.parse(stored, reviver) : null
    },
    async has(distDir, key) {
      return (await withTimeout(client.exists(entryKey(distDir, key)), 'look up an entry')) > 0
    },
    async set(distDir, key, entry) {
      await withTimeout(
        client.set(entryKey(distDir, key), JSON.stringify(entry, replacer), {
          expiration: { type: 'EX', value: ENTRY_TTL_SECONDS },
        }),
        'store an entry',
      )
    },
    /** The shared manifest entries of `tags` (those that were ever invalidated). */
    async tags(tags) {
      if (tags.length === 0) return new Map()
      const stored = await withTimeout(client.hmGet(tagsKey, tags), 'read tags')
      return new Map(
        tags.flatMap((tag, index) => (stored[index] ? [[tag, JSON.parse(stored[index])]] : [])),
      )
    },
    /** Shares this replica's invalidations (Next's manifest entries); kept for later if Redis is away. */
    async invalidate(entries) {
      for (const [tag, entry] of entries) pending.set(tag, entry)
      if (!client.isReady) {
        log('warn', `${pending.size} invalidations wait for Redis; other replicas may serve stale`)
        return
      }
      await flush()
    },
  }
}

/** The shared cache, or null without REDIS_URL (and while `next build` prerenders). */
export function sharedCache() {
  if (globalThis[CLIENT] !== undefined) return globalThis[CLIENT]
  const url = process.env.REDIS_URL
  if (!url || process.env.NEXT_PHASE === 'phase-production-build') {
    setStatus({ configured: false, connected: false })
    globalThis[CLIENT] = null
  } else {
    globalThis[CLIENT] = connect(url, process.env.REDIS_KEY_PREFIX ?? 'broadsheet:')
  }
  return globalThis[CLIENT]
}
