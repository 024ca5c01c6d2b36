/** docs/benchmarks.md from one run's figures: every rate as a share of the wire in the same run. */
import type { CommentResult } from './comments'
import type { hitRatio } from './crawl'
import type { PublishResult } from './publish'
import type { WrkResult } from './wrk'

export interface Pair {
  plain: WrkResult
  gzip: WrkResult
}

export interface Figures {
  page: { path: string; plainBytes: number; gzipBytes: number }
  baseline: Pair
  proxy: Pair
  app: Pair
  half: { proxy: Pair; baseline: Pair; target: { plain: number; gzip: number } }
  crawl: { urls: string[]; run: WrkResult } & ReturnType<typeof hitRatio>
  /** `purges`: PURGE requests the proxy answered during the publishes. */
  publish: PublishResult & { purges: number }
  comments: CommentResult
  /** Peak resident memory of the app's processes per phase, MiB. */
  rss: Record<string, number>
}

export interface Settings {
  when: string
  machine: string
  loadBefore: number[]
  loadAfter: number[]
  seconds: number
  warmSeconds: number
  connections: number
  wrkThreads: number
  serverCores: number
  serverCpus: string
  wrkCpus: string
  /** The phases run (BENCH_PHASES). */
  phases: string
}

const ENCODINGS = ['plain', 'gzip'] as const
const int = (n: number) => Math.round(n).toLocaleString('en')
const pct = (n: number, digits = 1) => `${(n * 100).toFixed(digits)}%`
const cores = (n: number) => n.toFixed(2)
const mark = (ok: boolean) => (ok ? 'met' : '**not met**')

function kind(path: string): string {
  if (path === '/') return 'home'
  if (path.startsWith('/tags/')) return 'topics'
  if (path.startsWith('/authors/')) return 'bylines'
  if (path.startsWith('/feeds/')) return 'feeds'
  if (path.includes('sitemap')) return 'sitemaps'
  return path.split('/').length === 2 ? 'desks' : 'articles'
}

function throughput(figures: Pick<Figures, 'baseline'> & Partial<Figures>): string {
  const measured = (['baseline', 'proxy', 'app'] as const).filter((name) => figures[name]?.gzip)
  const rows = measured.flatMap((name) =>
    ENCODINGS.map((encoding) => {
      const run = figures[name]![encoding]
      const wire = figures.baseline[encoding].rate
      const label = {
        baseline: 'bare node:http, same bytes (the wire)',
        proxy: 'readers’ path: Varnish → app',
        app: 'bare app, no proxy',
      }[name]
      return `| ${label} | ${encoding} | ${int(run.rate)} | ${pct(run.rate / wire)} | ${run.p50} ms | ${run.p99} ms | ${run.errors} | ${cores(run.cpu.server)} | ${cores(run.cpu.client)} |`
    }),
  )
  return [
    '| server | body | req/s | of the wire | p50 | p99 | errors | server CPU (cores) | wrk CPU (cores) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n')
}

function halfPeak(figures: Pick<Figures, 'half'>): string {
  const rows = ENCODINGS.map((encoding) => {
    const proxy = figures.half.proxy[encoding]
    const wire = figures.half.baseline[encoding]
    return `| ${encoding} | ${int(figures.half.target[encoding])} | ${int(proxy.rate)} | ${proxy.p50} ms | ${proxy.p99} ms | ${proxy.max} ms | ${wire.p50} ms | ${wire.p99} ms | ${proxy.errors + wire.errors} |`
  })
  return [
    '| body | target req/s | proxy req/s | proxy p50 | proxy p99 | proxy max | wire p50 | wire p99 | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n')
}

/**
 * A run of some phases (BENCH_PHASES): the load and the readers' path tables it measured, for the
 * console; docs/benchmarks.md is written from a run of every phase.
 */
export function partialReport(settings: Settings, figures: Partial<Figures>): string {
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(', ')
  const sections = [
    `# Benchmarks (part: ${settings.phases})`,
    `Load average ${load(settings.loadBefore)} before, ${load(settings.loadAfter)} after.`,
  ]
  if (figures.baseline?.gzip) {
    const baseline = figures.baseline
    sections.push(throughput({ ...figures, baseline }))
    if (figures.proxy?.gzip) {
      const proxy = figures.proxy
      sections.push(
        `Readers' path: ${ENCODINGS.map((e) => `${pct(proxy[e].rate / baseline[e].rate)} (${e})`).join(', ')} of the wire.`,
      )
    }
  }
  if (figures.half) sections.push(halfPeak({ half: figures.half }))
  return sections.join('\n\n') + '\n'
}

export function report(settings: Settings, figures: Figures): string {
  const { crawl, publish, comments } = figures
  const kinds = new Map<string, number>()
  for (const url of crawl.urls) kinds.set(kind(url), (kinds.get(kind(url)) ?? 0) + 1)
  const wirePlain = figures.baseline.plain
  const proxyShare = Math.min(
    ...ENCODINGS.map((e) => figures.proxy[e].rate / figures.baseline[e].rate),
  )
  const halfP99 = Math.max(...ENCODINGS.map((e) => figures.half.proxy[e].p99))
  const publishP95 = Math.max(...publish.surfaces.map((s) => s.p95))
  const rejected = Object.entries(comments.statuses)
    .filter(([status]) => status !== '201')
    .map(([status, n]) => `${n} × ${status}`)
  const clientMax = Math.max(
    ...(['baseline', 'proxy', 'app'] as const).flatMap((n) =>
      ENCODINGS.map((e) => figures[n][e].cpu.client),
    ),
  )
  const wireMax = Math.max(...ENCODINGS.map((e) => figures.baseline[e].cpu.server))
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(', ')
  const rssPeak = Math.max(...Object.values(figures.rss))

  return `# Benchmarks

Measured by \`npm run bench\` (bench/run.ts) on ${settings.when.slice(0, 10)}: ${settings.machine}.
Load average (1, 5, 15 min) ${load(settings.loadBefore)} before the run and ${load(settings.loadAfter)} after it:
${settings.loadBefore[0]! > 0.5 ? '**the machine was shared with other work while this ran**, so figures are noisier than on an idle machine (this machine differs by ±30% between runs); ' : ''}every rate below is a ratio to the baseline measured seconds before it in the same run (for each encoding: the wire, the proxy, then the app).

**Settings.** wrk (Debian) with ${settings.wrkThreads} thread(s), ${settings.connections} connections, ${settings.seconds} s per run after a
${settings.warmSeconds} s warm-up (none before the paced runs, which follow the peak runs). The servers (this process, and
all it starts once the build is done: the app, Varnish and the baseline) are pinned to CPU ${settings.serverCpus} and wrk to CPU ${settings.wrkCpus}
(\`taskset\`; \`BENCH_SERVER_CPUS\`, \`BENCH_WRK_CPUS\`), so the load generator never takes the servers' CPU. Everything runs on
loopback. The page is the reference article (\`${figures.page.path}\`): ${int(figures.page.plainBytes)} bytes of HTML, or
${int(figures.page.gzipBytes)} gzipped. Its plain and gzipped answers were fetched through the proxy once (a hit: body and headers); the baseline
(bench/bareServer.ts) is a bare \`node:http\` server that sends exactly those bytes — the same headers (the app's
security headers, Content-Security-Policy included, and the proxy's own) and body —, the gzipped ones to a client sending
\`Accept-Encoding: gzip\`. "plain" rows send no \`Accept-Encoding\`, "gzip" rows send \`Accept-Encoding: gzip\`. The app is
the app's server (\`src/server/main.ts\`, Next's handler) on a fresh database of the bench's own (seeded, dropped afterwards), started with \`PURGE_URLS\` naming the
proxy; the proxy is the shipped VCL (deploy/varnish/default.vcl) started by \`startEdge\` (src/edge/varnish.ts).

\`\`\`sh
npm run bench                          # defaults: BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_PUBLISHES=20
BENCH_SECONDS=30 npm run bench         # longer runs
\`\`\`

## Readers' path at full speed

${throughput(figures)}

Readers' path: **${pct(proxyShare)} of the wire** at its lower encoding (goal ≥ 90%: ${mark(proxyShare >= 0.9)}). The bare app
reaches ${pct(figures.app.plain.rate / wirePlain.rate)} (plain) and ${pct(figures.app.gzip.rate / figures.baseline.gzip.rate)} (gzip).

${
  clientMax < 0.9 * settings.wrkThreads
    ? '**The load generator is not the bottleneck**'
    : '**wrk may have been the bottleneck in this run**'
}: wrk used at most ${cores(clientMax)} of the ${settings.wrkThreads} core(s) it has (CPU ${settings.wrkCpus}, one thread
each) in these runs; a load generator at its limit would use all of it. The baseline's server used
${cores(wireMax)} of the ${settings.serverCores} core(s) it is pinned to${
    wireMax < 0.9 * settings.serverCores
      ? ' at most: the rest went to other work on the machine (see the load average above), which `taskset` keeps off wrk’s CPU but not off the servers’'
      : ''
  }. "Server CPU" counts every process this bench started except wrk (app, Varnish, baseline), so the
proxy rows include the app's renders, one a second per page.

## At half of the proxy's peak rate

${halfPeak(figures)}

wrk cannot hold a rate by itself (wrk2 is not in Debian), so bench/lua/paced.lua schedules requests from wrk's \`delay()\`
hook: each thread sends on a fixed schedule, the next free connection taking the next slot. Latency is measured from
the moment a request is sent; a server that stalled would delay the schedule rather than show every late request
(coordinated omission), so the "reached" rate is shown beside the target. The wire columns are the baseline at the same
rate. Proxy p99 at half of peak: **${halfP99} ms** (goal ≤ 10 ms: ${mark(halfP99 <= 10)}).

## Hit ratio over a mixed crawl

${crawl.urls.length} URLs through the proxy — ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}: every URL the sitemaps list, the
sitemaps themselves and every feed (bench/crawl.ts), cycled by wrk (bench/lua/urls.lua) with \`Accept-Encoding: gzip\`, ${settings.connections}
connections for ${settings.seconds} s after a ${settings.warmSeconds} s warm-up pass; counters from \`varnishstat -n <workDir> -1 -j\` over the measured run.

| requests | req/s | non-2xx/errors | hits | of which grace | misses | passes | **hit ratio** |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${int(crawl.run.requests)} | ${int(crawl.run.rate)} | ${crawl.run.errors} | ${int(crawl.cache_hit)} | ${int(crawl.cache_hit_grace)} | ${int(crawl.cache_miss)} | ${int(crawl.s_pass)} | **${pct(crawl.ratio, 2)}** |

Goal ≥ 99%: ${mark(crawl.ratio >= 0.99)}. Pages are kept for an hour under their surrogate keys (Surrogate-Control from
proxy.ts) and purged by key on each change; "of which grace" counts hits on a copy past its lifetime or soft-purged,
served while the proxy fetches a fresh one in the background.

## Publish → visible through the proxy

${publish.publishes} publishes: an editor PATCHes the headline of \`${publish.surfaces[0]!.path}\` through the REST API (the
PATCH itself took p50 ${publish.patch.p50} ms, p95 ${publish.patch.p95} ms); from the moment it returns, each surface is polled through the
proxy every 10 ms until the new headline shows. Each publish starts at a random moment (0–1 s after the last one showed).

| surface | path | p50 | p95 | max |
| --- | --- | ---: | ---: | ---: |
${publish.surfaces.map((s) => `| ${s.name} | \`${s.path}\` | ${s.p50} ms | ${s.p95} ms | ${s.max} ms |`).join('\n')}

Goal p95 ≤ 1 s on every surface: ${mark(publishP95 <= 1000)} (slowest p95 ${publishP95} ms). The proxy answered
${publish.purges} PURGE request(s) from the app during the publishes (its \`MAIN.s_synth\` counter)${
    publish.purges === 0
      ? ': nothing purged it, so a change showed only once the proxy’s copy of a page expired and the fetch after that found the app’s own copy refreshed'
      : ''
  }.

## Comment POST

wrk (bench/lua/comments.lua) at ${settings.connections} connections for ${settings.seconds} s, straight to the app (\`POST /next/comments\`, JSON), after a
${settings.warmSeconds} s warm-up under another name: every request a new reader — its own \`X-Forwarded-For\` address, email, text
and submission key — so flood control and duplicate detection never refuse one. No proof of work (solving it is the
browser's cost; verifying it is one HMAC).

| req/s | of the wire (plain) | p50 | p99 | accepted (201) | other answers | rows stored | lost | duplicated | stored, answer unread | app CPU per comment |
| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |
| ${int(comments.rate)} | ${pct(comments.rate / wirePlain.rate, 2)} | ${comments.p50} ms | ${comments.p99} ms | ${int(comments.accepted)} | ${rejected.join(', ') || 'none'} | ${int(comments.rows)} | ${comments.lost} | ${comments.duplicated} | ${comments.unanswered} | ${comments.appCpuMsPerComment.toFixed(2)} ms |

"Lost" counts comments answered 201 whose row is missing; "duplicated" rows sharing an email or a submission key (each
request has its own); the last column, requests still in flight when wrk stopped, which the app stored but wrk never
read.

## The app's memory

Peak resident memory (VmRSS) of the app's processes (\`src/server/main.ts\` and its children), sampled every 200 ms:

| phase | ${Object.keys(figures.rss).join(' | ')} |
| --- | ${Object.keys(figures.rss)
    .map(() => '---:')
    .join(' | ')} |
| MiB | ${Object.values(figures.rss)
    .map((n) => int(n))
    .join(' | ')} |

Peak over the run: **${int(rssPeak)} MiB**.
`
}
