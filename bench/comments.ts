/**
 * Comment POSTs at full speed, each from a new reader (bench/lua/comments.lua),
 * straight to the app as a proxy would forward them; then the rows are
 * counted: every comment the app accepted (201 with its id) must be stored
 * once, and nothing stored twice.
 */
import pg from 'pg'

import { cpuSeconds } from './proc'
import { wrk, type WrkOptions, type WrkResult } from './wrk'

export const BENCH_READER = 'Benchmark reader'

export interface CommentResult extends WrkResult {
  accepted: number
  rows: number
  lost: number
  duplicated: number
  /** Rows whose answer wrk never read: requests in flight when the run ended. */
  unanswered: number
  /** CPU the app's processes used over the measured run, in ms per comment stored. */
  appCpuMsPerComment: number
}

export async function measureComments(
  options: Omit<WrkOptions, 'url' | 'scripts' | 'params'> & {
    app: string
    databaseUrl: string
    articleId: number
    warmSeconds: number
    /** The app's processes: their CPU per comment is a figure contention disturbs less than rates. */
    appTree: () => number[]
  },
): Promise<CommentResult> {
  const { token } = (await (
    await fetch(`${options.app}/next/comments/token?article=${options.articleId}`)
  ).json()) as { token: string }
  const post = (seconds: number, name: string, run: number, octet: number) =>
    wrk({
      ...options,
      seconds,
      url: `${options.app}/next/comments`,
      scripts: ['comments'],
      params: { article: options.articleId, token, name, run, octet },
    })
  // A warm-up under another name, run number and address range: its readers never meet the
  // measured run's in flood control or duplicate detection.
  await post(options.warmSeconds, 'Benchmark warm-up', process.pid * 10 + 1, 10)
  const cpuBefore = cpuSeconds(options.appTree())
  const result = await post(options.seconds, BENCH_READER, process.pid * 10 + 2, 100)
  // Let requests still in flight when wrk stopped finish before counting.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const appCpu = cpuSeconds(options.appTree()) - cpuBefore
  const client = new pg.Client({ connectionString: options.databaseUrl })
  await client.connect()
  const { rows } = await client.query<{ id: number; email: string; submission_key: string }>(
    'select id, email, submission_key from comments where author_name = $1',
    [BENCH_READER],
  )
  await client.end()
  const stored = new Set(rows.map((row) => row.id))
  const distinct = (values: string[]) => new Set(values).size
  return {
    ...result,
    accepted: result.ids.length,
    rows: rows.length,
    lost: result.ids.filter((id) => !stored.has(id)).length,
    duplicated:
      rows.length -
      Math.min(
        distinct(rows.map((row) => row.email)),
        distinct(rows.map((row) => row.submission_key)),
      ),
    unanswered: rows.length - new Set(result.ids.filter((id) => stored.has(id))).size,
    appCpuMsPerComment: rows.length ? (appCpu * 1000) / rows.length : 0,
    ids: [],
  }
}
