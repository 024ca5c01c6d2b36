import { cpSync, rmSync } from 'node:fs'
import path from 'node:path'

/**
 * A private copy of the test build for a second server. Servers on one build
 * folder share its page cache on disk, so a page rendered by the second
 * server (another port, another origin in its canonical URLs) could be served
 * by the main one. The copy leaves out the caches and keeps timestamps, so
 * `npm start` sees it as up to date and does not rebuild.
 */
export function isolatedBuild(
  distDir: string,
  name: string,
): { distDir: string; remove: () => void } {
  const copy = `${distDir}-${name}-${Date.now().toString(36)}`
  const caches = [path.join(distDir, 'cache'), path.join(distDir, 'server', 'route-cache')]
  cpSync(distDir, copy, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !caches.includes(path.normalize(source)),
  })
  return { distDir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) }
}
