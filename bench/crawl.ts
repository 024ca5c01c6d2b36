/**
 * The mixed crawl through the proxy: every URL the sitemaps list (home, desks,
 * topics, bylines, articles), the sitemaps themselves and every feed, cycled
 * by wrk; the hit ratio comes from Varnish's own counters.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const FEEDS = ['rss.xml', 'atom.xml', 'feed.json']

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname)
}

async function text(url: string): Promise<string> {
  const response = await fetch(url)
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return response.text()
}

/** The crawl's paths, each checked to answer 200 through the proxy; written one a line to a file. */
export async function crawlList(edge: string): Promise<{ file: string; paths: string[] }> {
  const sitemaps = locs(await text(`${edge}/sitemap.xml`))
  const paths = new Set(['/sitemap.xml', ...sitemaps, ...FEEDS.map((feed) => `/feeds/${feed}`)])
  for (const sitemap of sitemaps) {
    for (const page of locs(await text(`${edge}${sitemap}`))) {
      paths.add(page)
      if (sitemap.endsWith('/sections.xml'))
        for (const feed of FEEDS) paths.add(`/feeds${page}/${feed}`)
    }
  }
  for (const page of paths) await text(`${edge}${page}`)
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'broadsheet-crawl-')), 'paths.txt')
  writeFileSync(file, [...paths].join('\n'))
  return { file, paths: [...paths] }
}

const COUNTERS = [
  'cache_hit',
  'cache_hit_grace',
  'cache_miss',
  'cache_hitpass',
  'cache_hitmiss',
  's_pass',
  's_synth',
] as const
export type Counters = Record<(typeof COUNTERS)[number], number>

/** Varnish's MAIN counters for the instance in `workDir`. */
export function varnishCounters(workDir: string): Counters {
  const json = JSON.parse(
    execFileSync('varnishstat', ['-n', workDir, '-1', '-j'], { encoding: 'utf8' }),
  ) as { counters?: Record<string, { value: number }> } & Record<string, { value: number }>
  const all = json.counters ?? json
  return Object.fromEntries(
    COUNTERS.map((name) => [name, all[`MAIN.${name}`]?.value ?? 0]),
  ) as Counters
}

/**
 * The counters once they have settled: Varnish's worker threads add their
 * counts to the shared ones in batches, a moment after their connections end.
 */
export async function settledCounters(workDir: string): Promise<Counters> {
  let last = varnishCounters(workDir)
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const next = varnishCounters(workDir)
    if (COUNTERS.every((name) => next[name] === last[name])) return next
    last = next
  }
  return last
}

export function hitRatio(before: Counters, after: Counters) {
  const delta = Object.fromEntries(
    COUNTERS.map((name) => [name, after[name] - before[name]]),
  ) as Counters
  // Every request ends in a hit, a miss or a pass (s_pass includes hit-for-pass).
  const lookups = delta.cache_hit + delta.cache_miss + delta.s_pass
  return { ...delta, lookups, ratio: lookups > 0 ? delta.cache_hit / lookups : 0 }
}
