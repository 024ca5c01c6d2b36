/**
 * `npm run bench`: the readers' path (Varnish from src/edge/varnish.ts in
 * front of `next start`) and the bare app, each against a bare node:http
 * server sending the same bytes in the same run, plain and gzipped; the hit
 * ratio over a mixed crawl; publish → visible through the proxy; comment
 * POSTs; the app's memory. Load from wrk (Debian), pinned to its own CPUs.
 * Writes docs/benchmarks.md and bench/results/<time>.json, in a database of
 * its own that is dropped afterwards.
 *
 * Options (env): BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_PUBLISHES
 * (20), BENCH_SERVER_CPUS and BENCH_WRK_CPUS (taskset lists; default the first
 * and second half of the CPUs), BENCH_PHASES (a comma-separated subset of
 * readers,app,crawl,publish,comments; default all). docs/benchmarks.md is
 * rewritten only by a run of every phase; a partial run prints its tables and
 * writes bench/results/<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as prettier from 'prettier'

import { measureComments } from './comments'
import { crawlList, hitRatio, settledCounters } from './crawl'
import { processTree, sampleRss } from './proc'
import { measurePublishes } from './publish'
import { type Figures, type Pair, partialReport, report } from './report'
import { CPUS, setUpStage } from './stage'
import { login } from './users'
import { ensureWrk, wrk, type WrkResult } from './wrk'

const ARTICLE = '/technology/ren-zhengfei-us-china-ai-divergent-directions'
const PUBLISHED = { slug: 'transit-agency-pilots-open-source-bus-scheduling', desk: 'technology' }
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WARM_SECONDS = Math.min(2, SECONDS)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20)
const GZIP = { 'Accept-Encoding': 'gzip' }
const PHASES = ['readers', 'app', 'crawl', 'publish', 'comments'] as const
const phases = new Set(
  (process.env.BENCH_PHASES ?? PHASES.join(',')).split(',').map((phase) => phase.trim()),
)
const unknown = [...phases].filter((phase) => !(PHASES as readonly string[]).includes(phase))
if (unknown.length) {
  console.error(`BENCH_PHASES: unknown phase ${unknown.join(', ')} (known: ${PHASES.join(', ')})`)
  process.exit(2)
}
const everyPhase = PHASES.every((phase) => phases.has(phase))

ensureWrk()
const loadBefore = os.loadavg()
const stage = await setUpStage(ARTICLE)
const { app, baseline: bare, admin } = stage
const edgeUrl = stage.edge.url
const rss = sampleRss(() => processTree(app.process.pid!))
let code = 0
try {
  // Everything this process started except wrk: app, proxy, baseline (and an embedded database).
  const watch = () => processTree(process.pid)
  const client = {
    connections: CONNECTIONS,
    threads: CPUS.wrkThreads,
    cpus: CPUS.pinned ? CPUS.wrk : undefined,
  }
  const load = async (url: string, headers = {}, rate?: number): Promise<WrkResult> => {
    const options = {
      ...client,
      url,
      headers,
      watch,
      ...(rate ? { scripts: ['paced'], params: { rate: Math.round(rate) } } : {}),
    }
    if (!rate) await wrk({ ...options, seconds: WARM_SECONDS })
    return wrk({ ...options, seconds: SECONDS })
  }
  // Side by side: for each encoding the wire, then the proxy, then the app, so each ratio
  // compares runs seconds apart on a machine whose speed drifts.
  const targets = {
    ...(phases.has('readers') || phases.has('app') ? { baseline: `${bare.url}/` } : {}),
    ...(phases.has('readers') ? { proxy: `${edgeUrl}${ARTICLE}` } : {}),
    ...(phases.has('app') ? { app: `${app.url}${ARTICLE}` } : {}),
  }
  const peaks: Record<string, Partial<Pair>> = { baseline: {}, proxy: {}, app: {} }
  for (const [encoding, headers] of [
    ['plain', {}],
    ['gzip', GZIP],
  ] as const) {
    for (const [name, url] of Object.entries(targets)) {
      rss.phase(name)
      console.log(`${name}, ${encoding}…`)
      peaks[name]![encoding] = await load(url, headers)
    }
  }
  const figures: Partial<Figures> = {
    baseline: peaks.baseline as Pair,
    proxy: peaks.proxy as Pair,
    app: peaks.app as Pair,
  }

  if (phases.has('readers')) {
    rss.phase('half')
    console.log('Half of the proxy’s peak rate…')
    const half = { plain: figures.proxy!.plain.rate / 2, gzip: figures.proxy!.gzip.rate / 2 }
    figures.half = {
      proxy: {
        plain: await load(`${edgeUrl}${ARTICLE}`, {}, half.plain),
        gzip: await load(`${edgeUrl}${ARTICLE}`, GZIP, half.gzip),
      },
      baseline: {
        plain: await load(`${bare.url}/`, {}, half.plain),
        gzip: await load(`${bare.url}/`, GZIP, half.gzip),
      },
      target: half,
    }
  }
  if (phases.has('crawl')) {
    rss.phase('crawl')
    const crawl = await crawlList(edgeUrl)
    console.log(`Crawling ${crawl.paths.length} URLs through the proxy…`)
    const crawlFor = (seconds: number) =>
      wrk({
        ...client,
        url: edgeUrl,
        headers: GZIP,
        seconds,
        scripts: ['urls'],
        params: { urls: crawl.file },
        watch,
      })
    await crawlFor(WARM_SECONDS)
    const before = await settledCounters(stage.edge.workDir)
    const crawled = await crawlFor(SECONDS)
    figures.crawl = {
      urls: crawl.paths,
      run: crawled,
      ...hitRatio(before, await settledCounters(stage.edge.workDir)),
    }
  }

  if (phases.has('publish')) {
    rss.phase('publish')
    console.log(`${PUBLISHES} publishes…`)
    const editor = await login(app.url, admin, 'editor')
    const lookup = (await (
      await fetch(`${app.url}/api/articles?where[slug][equals]=${PUBLISHED.slug}&depth=0`)
    ).json()) as { docs: { id: number; headline: string }[] }
    const published = lookup.docs[0]!
    const beforePublishes = await settledCounters(stage.edge.workDir)
    const publishes = await measurePublishes({
      app: app.url,
      edge: edgeUrl,
      headers: editor,
      articleId: published.id,
      headline: published.headline,
      publishes: PUBLISHES,
      surfaces: [
        { name: 'article', path: `/${PUBLISHED.desk}/${PUBLISHED.slug}` },
        { name: 'desk', path: `/${PUBLISHED.desk}` },
        { name: 'home', path: '/' },
        { name: 'RSS feed', path: '/feeds/rss.xml' },
      ],
    })
    // The proxy answers a PURGE itself (synth); no reader request of these runs is answered so.
    const purges = (await settledCounters(stage.edge.workDir)).s_synth - beforePublishes.s_synth
    figures.publish = { ...publishes, purges }
  }

  if (phases.has('comments')) {
    rss.phase('comments')
    console.log('Comment POSTs…')
    const reference = (await (
      await fetch(`${app.url}/api/articles?where[slug][equals]=${ARTICLE.split('/')[2]}&depth=0`)
    ).json()) as { docs: { id: number }[] }
    figures.comments = await measureComments({
      app: app.url,
      databaseUrl: stage.databaseUrl,
      articleId: reference.docs[0]!.id,
      ...client,
      seconds: SECONDS,
      warmSeconds: WARM_SECONDS,
      watch,
      appTree: () => processTree(app.process.pid!),
    })
  }
  rss.phase('end')
  figures.rss = rss.peaks()
  figures.page = {
    path: ARTICLE,
    plainBytes: stage.page.plain.length,
    gzipBytes: stage.page.gzip.length,
  }

  const when = new Date().toISOString()
  const settings = {
    when,
    machine: `${CPUS.count} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadBefore,
    loadAfter: os.loadavg(),
    seconds: SECONDS,
    warmSeconds: WARM_SECONDS,
    connections: CONNECTIONS,
    wrkThreads: CPUS.wrkThreads,
    serverCores: CPUS.serverCores,
    serverCpus: CPUS.pinned ? CPUS.servers : 'unpinned',
    wrkCpus: CPUS.pinned ? CPUS.wrk : 'unpinned',
    phases: [...phases].join(','),
  }
  const file = path.join('docs', 'benchmarks.md')
  const markdown = await prettier.format(
    everyPhase ? report(settings, figures as Figures) : partialReport(settings, figures),
    { ...(await prettier.resolveConfig(file)), filepath: file },
  )
  if (everyPhase) {
    mkdirSync('docs', { recursive: true })
    writeFileSync(file, markdown)
  }
  mkdirSync(path.join('bench', 'results'), { recursive: true })
  writeFileSync(
    path.join('bench', 'results', `${when.replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ settings, figures }, null, 2),
  )
  console.log(markdown)
} catch (error) {
  console.error(error)
  code = 1
} finally {
  rss.stop()
  await stage.tearDown()
}
process.exit(code)
