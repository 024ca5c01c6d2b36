import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { pathArea, proxyKeeps, runsReaderProxy } from '@/edge/paths'
import { config } from '../../proxy'
import { areaOf } from '@/server/securityHeaders'

/*
 * The path rules are written once in TypeScript (src/edge/paths.ts) and once
 * in VCL (deploy/varnish/default.vcl, marked `# path-rule NAME`). This runs
 * the VCL's own regular expressions, in the order vcl_recv applies them to an
 * anonymous GET, against the TypeScript rules on a table of paths, so the two
 * cannot drift apart; and holds proxy.ts's literal matcher to its rule.
 */

const VCL = readFileSync('deploy/varnish/default.vcl', 'utf8')

/** The first `req.url ~ "…"` after `# path-rule name`, as a JavaScript regular expression. */
function vclRule(name: string): RegExp {
  const marker = VCL.indexOf(`# path-rule ${name}`)
  if (marker < 0) throw new Error(`deploy/varnish/default.vcl has no "# path-rule ${name}"`)
  const match = /req\.url ~ "([^"]+)"/.exec(VCL.slice(marker))
  if (!match) throw new Error(`No req.url test follows "# path-rule ${name}"`)
  return new RegExp(match[1]!)
}

/** What vcl_recv does with an anonymous GET of `url` (no cookie, no router headers). */
function varnishKeeps(url: string): boolean {
  if (vclRule('media-files').test(url)) return true
  if (vclRule('pass').test(url)) return false
  if (vclRule('search').test(url)) return false
  if (vclRule('wordpress-permalink').test(url)) return false
  return true
}

/** Next's matcher as the regular expression it stands for (a path-to-regexp group, anchored). */
const matcher = new RegExp(`^${config.matcher[0]}$`)

// [path, area, proxy.ts runs, stored by the caching proxy]
const TABLE: [string, ReturnType<typeof pathArea>, boolean, boolean][] = [
  ['/', 'reader', true, true],
  ['/world', 'reader', true, true],
  ['/world?page=2', 'reader', true, true],
  ['/?p=123', 'reader', true, false],
  ['/?page_id=7', 'reader', true, false],
  ['/?p=123&utm_source=x', 'reader', true, true],
  ['/world/harbour-reopens', 'reader', true, true],
  ['/tags/ports', 'reader', true, true],
  ['/authors/ren-zhengfei', 'reader', true, true],
  ['/administer', 'reader', true, true],
  ['/apiary', 'reader', true, true],
  ['/nextdoor', 'reader', true, true],
  ['/search', 'reader', true, false],
  ['/search?q=harbour', 'reader', true, false],
  ['/searching', 'reader', true, true],
  ['/feeds/rss.xml', 'reader', true, true],
  ['/feeds/world/atom.xml', 'reader', true, true],
  ['/sitemap.xml', 'reader', true, true],
  ['/sitemaps/news.xml', 'reader', true, true],
  ['/sitemaps/articles/sitemap/0.xml', 'reader', true, true],
  ['/robots.txt', 'reader', true, true],
  ['/og/world/harbour-reopens', 'reader', true, true],
  ['/favicon.ico', 'reader', false, true],
  ['/icon.svg', 'reader', false, true],
  ['/admin', 'admin', false, false],
  ['/admin/collections/articles', 'admin', false, false],
  ['/api', 'api', false, false],
  ['/api/articles', 'api', false, false],
  ['/api/users/me', 'api', false, false],
  ['/api/health', 'api', false, false],
  ['/api/media/file/harbour.webp', 'api', false, true],
  ['/api/media/file/harbour-768x432.webp', 'api', false, true],
  ['/next/comments', 'endpoint', false, false],
  ['/next/comments/token', 'endpoint', false, false],
  ['/next/preview?path=/world/a', 'endpoint', false, false],
  ['/next/exit-preview', 'endpoint', false, false],
  ['/next/views', 'endpoint', false, false],
  ['/_next/static/chunks/main.js', 'static', false, true],
]

describe('the path rules, in TypeScript and in the VCL', () => {
  it.each(TABLE)('%s: %s, proxy.ts %s, stored %s', (url, area, proxied, stored) => {
    const pathname = url.split('?', 1)[0]!
    expect(pathArea(pathname)).toBe(area)
    expect(runsReaderProxy(pathname)).toBe(proxied)
    expect(matcher.test(pathname), 'proxy.ts matcher').toBe(proxied)
    expect(proxyKeeps(url)).toBe(stored)
    expect(varnishKeeps(url), 'deploy/varnish/default.vcl').toBe(stored)
  })

  it('security headers follow the same areas: the app’s endpoints get the site’s policy', () => {
    expect(['/next/comments', '/admin/x', '/api/x', '/_next/static/x.js', '/'].map(areaOf)).toEqual(
      ['reader', 'admin', 'api', 'static', 'reader'],
    )
  })
})
