// Next's cache handler (next.config.mjs `cacheHandler`), loaded by the server at run time, so
// plain JavaScript: Next's own file-system cache with one rule added, and, with REDIS_URL, a
// cache every replica shares (sharedCache.mjs) in front of it.
import { createRequire } from 'node:module'

import { revision, sharedCache } from './sharedCache.mjs'

const require = createRequire(import.meta.url)
const FileSystemCache =
  require('next/dist/server/lib/incremental-cache/file-system-cache.js').default
const {
  SharedCacheControls,
} = require('next/dist/server/lib/incremental-cache/shared-cache-controls.external.js')
const {
  areTagsExpired,
  tagsManifest,
} = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js')

/** A 404 page, or a cached lookup (unstable_cache) that found nothing. */
export function foundNothing(data) {
  return (
    (data?.kind === 'APP_PAGE' && data.status === 404) ||
    (data?.kind === 'FETCH' && data.data?.body === 'null')
  )
}

/** The tags an entry is invalidated by: a lookup's own and its page's, or a page's header. */
function tagsOf(entry, ctx) {
  if (entry.value?.kind === 'FETCH') return [...(ctx.tags ?? []), ...(ctx.softTags ?? [])]
  const header = entry.value?.headers?.['x-next-cache-tags']
  return typeof header === 'string' ? header.split(',') : []
}

function logFailure(what, error) {
  console.warn(`[shared cache] could not ${what}; using this replica's own cache: ${error.message}`)
}

/**
 * "Nothing here" is stored only over an entry that held something, never as a
 * new key. Article pages are rendered on first request and kept until a publish
 * changes them, and so was every well-formed unknown address (/business/anything:
 * ≈ 38 KB on disk, plus its lookup's null in the data cache), without bound: anyone
 * could fill the disk. Such an address now renders each time (one indexed lookup;
 * the proxy in front keeps the answer for a second) and stores nothing. An article
 * that is unpublished or moved still has its page and lookup replaced by the 404,
 * so the cache only ever holds keys that once had something.
 *
 * With REDIS_URL every entry is also stored in Redis, read from there first, and
 * judged by the tag invalidations every replica shares; this replica's own copy
 * (memory and disk, as without Redis) is what it serves while Redis is unreachable.
 */
export default class CacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx)
    this.shared = sharedCache()
  }

  async get(key, ctx) {
    const shared = this.shared
    if (!shared?.ready()) return super.get(key, ctx)
    let entry = null
    try {
      entry = await shared.get(this.serverDistDir, key)
    } catch (error) {
      logFailure('read the shared cache', error)
      return super.get(key, ctx)
    }
    if (entry) FileSystemCache.memoryCache?.set(key, entry)
    // Not shared (yet): a page prerendered by the build, or one stored while Redis was away.
    else entry = await super.get(key, ctx)
    if (!entry) return null
    const tags = tagsOf(entry, ctx)
    try {
      for (const [tag, remote] of await shared.tags(tags)) {
        if (revision(remote) > revision(tagsManifest.get(tag))) tagsManifest.set(tag, remote)
      }
    } catch (error) {
      logFailure('read shared invalidations', error)
    }
    // Next judges staleness by the same manifest, now up to date with every replica's publishes.
    return areTagsExpired(tags, entry.lastModified) ? null : entry
  }

  async set(key, data, ctx) {
    if (foundNothing(data) && !(await this.holds(key, data.kind))) {
      // Next has already noted the entry's lifetime, in a map as unbounded as the disk was.
      if (data.kind === 'APP_PAGE') SharedCacheControls.cacheControls.delete(key)
      return
    }
    const local = super.set(key, data, ctx)
    if (data && this.shared?.ready()) {
      const entry = {
        value: data,
        lastModified: Date.now(),
        cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl,
      }
      await this.shared
        .set(this.serverDistDir, key, entry)
        .catch((error) => logFailure('store in the shared cache', error))
    }
    return local
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations)
    if (!this.shared) return
    const list = typeof tags === 'string' ? [tags] : tags
    await this.shared
      .invalidate(list.map((tag) => [tag, tagsManifest.get(tag)]))
      .catch((error) => logFailure('share an invalidation', error))
  }

  async holds(key, kind) {
    if (FileSystemCache.memoryCache?.has(key)) return true
    if (this.fs.existsSync(this.getFilePath(kind === 'FETCH' ? key : `${key}.html`, kind))) {
      return true
    }
    if (!this.shared?.ready()) return false
    return this.shared.has(this.serverDistDir, key).catch(() => false)
  }
}
