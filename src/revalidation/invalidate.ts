import { revalidateTag } from 'next/cache'
import { after } from 'next/server'
import type { Payload, PayloadRequest, RequestContext } from 'payload'

import { purgeKeys } from '@/edge/keys'
import { proxies, purgeProxies, WARM_HEADER } from '@/edge/purge'
import { env } from '@/env'
import { committed } from '@/lib/committed'
import { replicasCaughtUp } from '@/lib/readReplicas'
import { derivedSecret } from '@/lib/secrets'

/** What a change makes stale for readers. */
export interface Invalidation {
  /** Cache tags from `cacheTags` (`@/queries/tags`). */
  cacheTags: string[]
  /** Public paths to re-render straight away, most important first. */
  paths: string[]
  /**
   * Tags whose entries must not be served even once more: a page that did not
   * exist for readers until now (a 404 cached for a URL asked for before
   * publication) renders on its very next request instead of stale.
   */
  expireNow?: string[]
  /**
   * Public paths that no longer exist (an unpublished article, a deleted
   * image's files): removed from the proxies outright, not re-warmed.
   */
  removedPaths?: string[]
}

/**
 * What `invalidate` needs from where the change happened: the request
 * context (seeds and imports set `disableRevalidate`; a bulk change shares
 * one set of warmed paths) and a logger.
 */
export interface InvalidationScope {
  context: RequestContext
  logger: Pick<Payload['logger'], 'debug' | 'warn' | 'error'>
  /**
   * Resolves once the change is committed (true) or rolled back (false);
   * without it, the change is taken as committed already.
   */
  committed?: () => Promise<boolean>
}

/** The scope of a change made through Payload (a hook's `req`, inside its transaction). */
export function scopeOf(req: PayloadRequest): InvalidationScope {
  return { context: req.context, logger: req.payload.logger, committed: () => committed(req) }
}

/** Paths re-rendered right after a publish; the rest refresh on their next view. */
const MAX_WARM_PATHS = 40

/**
 * The one way a change reaches readers' caches. Marks tagged cache entries
 * stale, then, once the response has been sent and the transaction
 * committed (never before: a page re-rendered from another connection would
 * show the old rows, and the proxy keep that copy for an hour), re-renders
 * the affected pages so they show the new content within about a second.
 *
 * On its own the app serves stale-while-revalidate (a reader is never handed
 * an error page while the database is slow or down). Behind proxies
 * (PURGE_URLS) the app's entries expire outright instead — the proxies' grace
 * is what keeps readers served meanwhile — and the change's surrogate keys
 * are purged at every proxy, then its pages fetched through each one, so
 * what a proxy stores after a publish is never the app's stale copy.
 *
 * Changes may record what they invalidate in `context.invalidations` (an
 * array), which tests and tools use to see what a change reaches.
 */
export function invalidate(invalidation: Invalidation, scope: InvalidationScope): void {
  const { context, logger } = scope
  if (context.disableRevalidate) return
  const afterCommit = scope.committed ?? (() => Promise.resolve(true))
  if (Array.isArray(context.invalidations)) context.invalidations.push(invalidation)
  const edges = proxies().length > 0
  try {
    const now = new Set(invalidation.expireNow)
    for (const tag of now) revalidateTag(tag, { expire: 0 })
    for (const tag of new Set(invalidation.cacheTags)) {
      if (!now.has(tag)) revalidateTag(tag, edges ? { expire: 0 } : 'max')
    }
    // A bulk change (approving 50 comments) runs this once per document on one request.
    const warmed = (context.warmedPaths ??= new Set<string>()) as Set<string>
    const removed = new Set(invalidation.removedPaths)
    const unique = [...new Set(invalidation.paths)]
      .filter((path) => !warmed.has(path) && !removed.has(path))
      .slice(0, MAX_WARM_PATHS)
    // Purged and re-rendered once the read replicas have the change (at once without any).
    if (edges) {
      const { soft, hard } = purgeKeys(invalidation)
      after(async () => {
        if (!(await afterCommit())) return
        await replicasCaughtUp()
        await purgeProxies({ soft, hard }, unique, logger)
      })
    } else if (unique.length > 0) {
      after(async () => {
        if (!(await afterCommit())) return
        await replicasCaughtUp()
        await warm(unique, logger)
      })
    }
    for (const path of unique) warmed.add(path)
  } catch (error) {
    // Inside the server but outside a request (the jobs runner publishing on schedule): ask the
    // app itself, once the job's change is committed, so the pages it re-renders show it. In a
    // script or a test on the Local API there is no cache to clear.
    if (process.env.NEXT_RUNTIME === 'nodejs') {
      void afterCommit().then((done) => (done ? askServer(invalidation, logger) : undefined))
    } else logger.debug({ msg: 'Cache not revalidated: no Next.js request', error })
  }
}

async function warm(paths: string[], logger: InvalidationScope['logger']): Promise<void> {
  const origin = `http://127.0.0.1:${env.PORT}`
  await Promise.all(
    paths.map(async (path) => {
      try {
        const response = await fetch(new URL(path, origin), {
          headers: { [WARM_HEADER]: '1' },
          signal: AbortSignal.timeout(10_000),
        })
        await response.arrayBuffer()
      } catch (error) {
        logger.warn({ msg: `Could not re-render ${path} after publishing`, error })
      }
    }),
  )
}

export const REVALIDATE_HEADER = 'x-broadsheet-revalidate'
export const revalidateSecret = () => derivedSecret('revalidate')

/**
 * For work that runs in the server after its request has been answered (an import from the
 * admin): the invalidation made inside a request of its own, resolved once it is done.
 * Outside the server (a script, a test on the Local API) there is no cache to clear.
 */
export async function invalidateInBackground(
  invalidation: Invalidation,
  logger: InvalidationScope['logger'],
): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await askServer(invalidation, logger)
  else logger.debug({ msg: 'Cache not revalidated: not in the server' })
}

/** POST /next/revalidate on this server: the same invalidation, inside a request. */
async function askServer(
  invalidation: Invalidation,
  logger: InvalidationScope['logger'],
): Promise<void> {
  const failed = await askSite(invalidation)
  if (failed) logger.warn({ msg: `Could not refresh pages after a background change: ${failed}` })
}

/** The site's own address, where a script on this machine reaches the running app. */
export const siteOrigin = () => `http://127.0.0.1:${env.PORT}`

/**
 * POST /next/revalidate at the running site (a script's change: a command-line import): null
 * when it was done there, else why not, in words for the person running the command.
 */
export async function askSite(
  invalidation: Invalidation,
  origin: string = siteOrigin(),
): Promise<string | null> {
  try {
    const response = await fetch(`${origin}/next/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [REVALIDATE_HEADER]: revalidateSecret() },
      body: JSON.stringify(invalidation),
      signal: AbortSignal.timeout(10_000),
    })
    if (response.status === 403) return `the site at ${origin} has another PAYLOAD_SECRET`
    if (!response.ok) return `the site at ${origin} answered ${response.status}`
    return null
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    return `no site answered at ${origin} (${cause ?? (error as Error).message})`
  }
}
