/**
 * `npm run bench:pages`: what a reader on a phone gets from the home, desk and
 * article pages through the shipped proxy — Lighthouse's mobile run (simulated
 * slow 4G and a 4× slower CPU) in Debian's Chromium, three runs a page, the
 * median by performance score: the four category scores, LCP, TBT, CLS, the
 * JavaScript a first visit downloads (bytes on the wire, as the proxy sends
 * them gzipped) and the HTML's size. Writes docs/benchmarks-pages.md and
 * bench/results/pages-<time>.json.
 *
 * Options (env): BENCH_PAGE_RUNS (3).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { spawn } from 'node:child_process'

import lighthouse from 'lighthouse'
import * as prettier from 'prettier'

import { freePort } from '../src/scripts/net'

import { CPUS, setUpStage } from './stage'
import { waitFor } from './wait'

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3)
const PAGES = {
  home: '/',
  desk: '/technology',
  article: '/technology/ren-zhengfei-us-china-ai-divergent-directions',
}
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

interface PageFigures {
  path: string
  scores: Record<(typeof CATEGORIES)[number], number>
  lcpMs: number
  tbtMs: number
  cls: number
  scriptBytes: number
  scripts: number
  htmlBytes: number
  lcpElement: string
}

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']

function figuresOf(pathname: string, lhr: Result): PageFigures {
  const requests = (
    lhr.audits['network-requests']?.details as unknown as {
      items: { url: string; transferSize: number; resourceType?: string }[]
    }
  ).items
  const scripts = requests.filter((item) => item.resourceType === 'Script')
  const html = requests.find((item) => item.resourceType === 'Document')
  // Lighthouse 13 names the LCP element in its breakdown insight, as a "node" item of the list.
  const breakdown = lhr.audits['lcp-breakdown-insight']?.details as unknown as
    { items?: { type?: string; snippet?: string }[] } | undefined
  const node = breakdown?.items?.find((item) => item.type === 'node')
  return {
    path: pathname,
    scores: Object.fromEntries(
      CATEGORIES.map((category) => [
        category,
        Math.round((lhr.categories[category]?.score ?? 0) * 100),
      ]),
    ) as PageFigures['scores'],
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    scriptBytes: scripts.reduce((sum, item) => sum + item.transferSize, 0),
    scripts: scripts.length,
    htmlBytes: html?.transferSize ?? 0,
    lcpElement: node?.snippet ?? '(none)',
  }
}

const median = (runs: PageFigures[]) =>
  [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[
    Math.floor(runs.length / 2)
  ]!

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const loadBefore = os.loadavg()
const stage = await setUpStage(PAGES.article)
let code = 0
try {
  const port = await freePort()
  // The browser is the reader's phone, not the server: it runs on the load generator's CPUs.
  const args = [
    '--headless',
    `--remote-debugging-port=${port}`,
    `--user-data-dir=${path.resolve('.data', `bench-chromium-${process.pid}`)}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    'about:blank',
  ]
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const browser = CPUS.pinned
    ? spawn('taskset', ['-c', CPUS.wrk, chromiumPath, ...args], { stdio: 'ignore' })
    : spawn(chromiumPath, args, { stdio: 'ignore' })
  await waitFor(`http://127.0.0.1:${port}/json/version`)
  const results: Record<string, PageFigures> = {}
  try {
    for (const [name, pathname] of Object.entries(PAGES)) {
      const url = `${stage.edge.url}${pathname}`
      // The proxy has the page (a reader's first view is rarely the page's first view).
      await fetch(url, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.arrayBuffer())
      const runs: PageFigures[] = []
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(url, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
        runs.push(figuresOf(pathname, result.lhr))
      }
      results[name] = median(runs)
      console.log(name, results[name])
    }
  } finally {
    browser.kill('SIGTERM')
    rmSync(path.resolve('.data', `bench-chromium-${process.pid}`), { recursive: true, force: true })
  }

  const when = new Date().toISOString()
  const loadAfter = os.loadavg()
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  const row = (name: string, f: PageFigures) =>
    `| ${name} | ${f.scores.performance} / ${f.scores.accessibility} / ${f.scores['best-practices']} / ${f.scores.seo} | ${(f.lcpMs / 1000).toFixed(2)} s | ${f.tbtMs} ms | ${f.cls} | ${kb(f.scriptBytes)} (${f.scripts} files) | ${kb(f.htmlBytes)} |`
  const markdown = `# Page weight and quality: what a reader's phone gets

Measured by \`npm run bench:pages\` (bench/pages.ts) on ${when.slice(0, 10)}: ${machine}; load average
${loadBefore.map((v) => v.toFixed(1)).join(' / ')} before, ${loadAfter.map((v) => v.toFixed(1)).join(' / ')} after.
Lighthouse 13 mobile (simulated slow 4G, 4× CPU slowdown) in Debian's Chromium, through the shipped
Varnish in front of a production build, each page already in the proxy; ${RUNS} runs a page, the run with the
median performance score. JavaScript and HTML are bytes on the wire (gzip, as the proxy sends them).

| page | performance / accessibility / best practices / SEO | LCP | TBT | CLS | first-load JS | HTML |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${Object.entries(results)
  .map(([name, f]) => row(name, f))
  .join('\n')}

Largest contentful paint element: ${Object.entries(results)
    .map(([name, f]) => `${name} \`${f.lcpElement.replace(/`/g, "'")}\``)
    .join('; ')}.
`
  const formatted = await prettier.format(markdown, { parser: 'markdown' })
  mkdirSync('docs', { recursive: true })
  writeFileSync(path.join('docs', 'benchmarks-pages.md'), formatted)
  mkdirSync(path.join('bench', 'results'), { recursive: true })
  writeFileSync(
    path.join('bench', 'results', `pages-${when.replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ when, machine, runs: RUNS, results }, null, 2),
  )
  console.log(formatted)
} catch (error) {
  console.error(error)
  code = 1
} finally {
  await stage.tearDown()
}
process.exit(code)
