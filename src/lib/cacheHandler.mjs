// Next's cache handler (next.config.mjs `cacheHandler`), loaded by the server at run time, so
// plain JavaScript: Next's own file-system cache with one rule added.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const FileSystemCache =
  require('next/dist/server/lib/incremental-cache/file-system-cache.js').default
const {
  SharedCacheControls,
} = require('next/dist/server/lib/incremental-cache/shared-cache-controls.external.js')

/** A 404 page, or a cached lookup (unstable_cache) that found nothing. */
function foundNothing(data) {
  return (
    (data?.kind === 'APP_PAGE' && data.status === 404) ||
    (data?.kind === 'FETCH' && data.data?.body === 'null')
  )
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
 */
export default class CacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    if (foundNothing(data) && !this.holds(key, data.kind)) {
      // Next has already noted the entry's lifetime, in a map as unbounded as the disk was.
      if (data.kind === 'APP_PAGE') SharedCacheControls.cacheControls.delete(key)
      return
    }
    return super.set(key, data, ctx)
  }

  holds(key, kind) {
    if (FileSystemCache.memoryCache?.has(key)) return true
    return this.fs.existsSync(this.getFilePath(kind === 'FETCH' ? key : `${key}.html`, kind))
  }
}
