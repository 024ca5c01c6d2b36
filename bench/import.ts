/**
 * `npm run bench:import`: how fast a WordPress export imports, and whether
 * memory stays flat as it grows. For each size (1,000 then 10,000 posts by
 * default) a WXR is generated (bench/wxr.ts: nested categories, tags, four
 * authors, posts of three sections with lists, a table, code, a quote and two
 * comments each), a fresh database is migrated and seeded, and
 * `npm run import:wordpress` runs on it as a newsroom would run it, its
 * resident memory sampled; then it runs again on the same file (nothing
 * changed: the re-run a newsroom does after an interruption). The baseline in
 * the same run is the streaming reader alone over the same file. Results go to
 * docs/benchmarks-import.md.
 *
 * Options (env): BENCH_IMPORT_SIZES (default 1000,10000).
 */
import { spawn } from 'node:child_process'
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as prettier from 'prettier'

import { countItems } from '../src/import/wordpress/wxr'
import { openDatabase } from '../src/scripts/database'
import { ensureSecret } from '../src/scripts/secret'

import { createBenchDatabase, seedDatabase } from './database'
import { rssMiB } from './proc'
import { writeWxr } from './wxr'

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '1000,10000').split(',').map(Number)
/** Posts the import saves at once (its own default unless IMPORT_CONCURRENCY is set). */
const concurrency = Number(process.env.IMPORT_CONCURRENCY) || 4

interface Run {
  seconds: number
  perSecond: number
  peakRss: number
  /** Resident memory at a quarter, half, three quarters and the end of the run (MiB). */
  rssAt: number[]
  summary: string
}

interface Row {
  posts: number
  megabytes: number
  readerPerSecond: number
  first: Run
  again: Run
}

function importOnce(file: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/importWordPress.ts', file],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const samples: { at: number; rss: number }[] = []
    const timer = setInterval(() => {
      const rss = rssMiB(child.pid!)
      if (rss > 0) samples.push({ at: performance.now() - started, rss })
    }, 250)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      process.stderr.write(chunk)
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      clearInterval(timer)
      const seconds = (performance.now() - started) / 1000
      if (code !== 0) {
        reject(new Error(`import exited ${code}: ${stderr.slice(-2000)}`))
        return
      }
      const at = (share: number) => {
        const target = seconds * 1000 * share
        const sample = samples.find((s) => s.at >= target) ?? samples.at(-1)
        return Math.round(sample?.rss ?? 0)
      }
      // The import's own clock (from its first item to its last), not Payload's start-up.
      const rate = /Rate: ([\d.]+) items\/s \(\d+ items in ([\d.]+) s\)/.exec(stdout)
      if (!rate) {
        reject(new Error(`no rate in the import's report: ${stdout.slice(-2000)}`))
        return
      }
      resolve({
        seconds: Number(rate[2]),
        perSecond: Number(rate[1]),
        peakRss: Math.round(Math.max(...samples.map((s) => s.rss))),
        rssAt: [0.25, 0.5, 0.75, 0.98].map(at),
        summary: /Done in [^\n]*/.exec(stdout)?.[0] ?? '',
      })
    })
  })
}

const server = await openDatabase()
const rows: Row[] = []
let code = 0
const dir = mkdtempSync(path.join(os.tmpdir(), 'import-bench-'))
try {
  for (const posts of SIZES) {
    const file = path.join(dir, `export-${posts}.xml`)
    await writeWxr(file, posts)
    const megabytes = Math.round((statSync(file).size / 1024 / 1024) * 10) / 10
    const readStarted = performance.now()
    const counted = await countItems(createReadStream(file, { highWaterMark: 256 * 1024 }))
    const readerPerSecond = Math.round(counted / ((performance.now() - readStarted) / 1000))

    const database = await createBenchDatabase(
      server.url,
      `broadsheet_import_${posts}_${process.pid}`,
    )
    try {
      const env = {
        ...process.env,
        DATABASE_URL: database.url,
        PAYLOAD_SECRET: ensureSecret(),
      }
      seedDatabase(env)
      const first = await importOnce(file, env)
      console.log(first)
      const again = await importOnce(file, env)
      console.log(again)
      rows.push({ posts, megabytes, readerPerSecond, first, again })
    } finally {
      await database.drop()
    }
  }

  const when = new Date().toISOString()
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  const base = rows[0]!
  const line = (row: Row) =>
    `| ${row.posts.toLocaleString('en')} | ${row.megabytes} MB | ${row.first.seconds} s | **${row.first.perSecond}/s** | ${(row.first.perSecond / row.readerPerSecond).toFixed(4)} | ${row.first.peakRss} MiB | ${row.first.rssAt.join(' / ')} MiB | ${(row.first.peakRss / base.first.peakRss).toFixed(2)} | ${row.again.perSecond}/s |`
  const report = `# Import benchmarks: a WordPress export into the database

Measured by \`npm run bench:import\` (bench/import.ts) on ${when.slice(0, 10)}: ${machine}.
For each size, bench/wxr.ts writes an export (four authors, nested categories, twelve tags; each post
three sections with paragraphs, a nested list, a table, a code block, a quote and two comments, one a
reply), a fresh database is migrated and seeded, and \`npm run import:wordpress\` imports the file as a
newsroom would run it (without media), its resident memory sampled every 250 ms; then the same command
runs again on the same file (nothing changed). The reader column is the baseline of the same run: the
streaming reader alone over the same file (\`countItems\`), so the share shows how much of an import is
the database's work rather than reading the XML.

| posts | file | import | posts/s | share of reader rate | peak RSS | RSS at ¼ / ½ / ¾ / end | peak RSS vs ${base.posts.toLocaleString('en')} | re-run |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.map(line).join('\n')}

Reader rates: ${rows.map((row) => `${row.readerPerSecond.toLocaleString('en')} items/s (${row.posts.toLocaleString('en')} posts)`).join(', ')}.

Results: ${rows.map((row) => `${row.posts.toLocaleString('en')} posts — ${row.first.summary}; re-run — ${row.again.summary}`).join(' ')}

Goal (issue 17): at least 20 posts/s without media, memory flat as the export grows. Each post is its own
transaction: the article with its version, its comparison table, two comments, its desk, topics and
byline (created once, then known), and the redirects from its old addresses, written after the commit.
Posts are saved ${concurrency} at a time (\`IMPORT_CONCURRENCY\`, default 4): desks, topics and bylines
are still made one at a time, and posts that share a slug go one after the other, so what overlaps is
each post's waiting on PostgreSQL.

What changed since 2026-12-03, when 10,000 posts went at 9.4/s one at a time: a post costs 52 queries
instead of 63 (its old addresses looked up in one query and its live address once for all its
redirects, no comment lookups on an article the run has just made, redirect lookups without a count),
and posts are saved a few at a time. Over 300 posts of this export on 2026-12-04 (a separate run of the same command, IMPORT_CONCURRENCY 1 then 4, not this table's):
18.5 posts/s one at a time, 26.0 posts/s four at a time.
`
  mkdirSync('docs', { recursive: true })
  const out = path.join('docs', 'benchmarks-import.md')
  writeFileSync(
    out,
    await prettier.format(report, { ...(await prettier.resolveConfig(out)), filepath: out }),
  )
  mkdirSync(path.join('bench', 'results'), { recursive: true })
  writeFileSync(
    path.join('bench', 'results', `import-${when.replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ when, machine, rows }, null, 2),
  )
  console.log(report)
} catch (error) {
  console.error(error)
  code = 1
} finally {
  rmSync(dir, { recursive: true, force: true })
  await server.stop()
}
process.exit(code)
