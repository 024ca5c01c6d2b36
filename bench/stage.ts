/**
 * What a bench run measures, set up and torn down: a seeded database of its
 * own, a build in .next-bench, the app (`next start`) with the shipped Varnish
 * in front of it, and the bare node:http baseline sending the page's exact
 * bytes. This process and all it starts are pinned to the servers' CPUs; wrk
 * gets the others.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startEdge } from '../src/edge/varnish'
import { onShutdown, openDatabase } from '../src/scripts/database'
import { freePort } from '../src/scripts/net'
import { buildSite, clearRuntimeCache, needsBuild } from '../src/scripts/next'

import { createBenchDatabase, seedDatabase } from './database'
import { pinTrees } from './proc'
import { rawBody, type Server, startApp, startBaseline } from './servers'

const DIST_DIR = '.next-bench'
const COUNT = os.cpus().length
const HALF = Math.max(1, Math.floor(COUNT / 2))
const list = (first: number, last: number) => (first === last ? `${first}` : `${first}-${last}`)
/** How many CPUs a taskset list ("0", "0-3", "0,2") names. */
const count = (cpus: string) =>
  cpus.split(',').reduce((sum, part) => {
    const [first, last = first] = part.split('-').map(Number)
    return sum + (last! - first! + 1)
  }, 0)

/** taskset CPU lists: the servers on the first half of the CPUs, wrk (a thread per CPU) on the rest. */
export const CPUS = {
  count: COUNT,
  pinned: COUNT > 1,
  servers: process.env.BENCH_SERVER_CPUS ?? list(0, HALF - 1),
  serverCores: process.env.BENCH_SERVER_CPUS ? count(process.env.BENCH_SERVER_CPUS) : HALF,
  wrk: process.env.BENCH_WRK_CPUS ?? list(HALF, Math.max(HALF, COUNT - 1)),
  wrkThreads: process.env.BENCH_WRK_CPUS
    ? count(process.env.BENCH_WRK_CPUS)
    : Math.max(1, COUNT - HALF),
}

export interface Stage {
  app: Server
  edge: { url: string; workDir: string }
  baseline: Server
  databaseUrl: string
  admin: { email: string; password: string }
  page: { path: string; plain: Buffer; gzip: Buffer }
  tearDown: () => Promise<void>
}

export async function setUpStage(page: string): Promise<Stage> {
  const stops: (() => Promise<unknown>)[] = []
  const tearDown = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((e) => console.error(e))
  }
  onShutdown(tearDown)
  try {
    const server = await openDatabase()
    stops.push(server.stop)
    const database = await createBenchDatabase(server.url, `broadsheet_bench_${process.pid}`)
    stops.push(database.drop)
    const admin = {
      email: 'bench-admin@broadsheet.test',
      password: randomBytes(12).toString('hex'),
    }
    const [appPort, edgePort, barePort] = [await freePort(), await freePort(), await freePort()]
    const edgeUrl = `http://127.0.0.1:${edgePort}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_PUBLIC_SERVER_URL: edgeUrl,
      SEED_ADMIN_EMAIL: admin.email,
      SEED_ADMIN_PASSWORD: admin.password,
      // The proxy the app purges after each change (issue 12, item 2), once it does.
      PURGE_URLS: edgeUrl,
      // Every benchmark comment is a fresh reader; the minimum writing time is not what is measured.
      COMMENT_MIN_SECONDS: '0',
    }
    seedDatabase(env)
    if (needsBuild(DIST_DIR) && (await buildSite(env)) !== 0) throw new Error('next build failed')
    // After the build (which wants every CPU): this process and all it starts from now on.
    if (CPUS.pinned) pinTrees([process.pid], CPUS.servers)

    clearRuntimeCache(DIST_DIR)
    const app = await startApp(env, appPort, page)
    stops.push(app.stop)
    const workDir = path.resolve('.data', `bench-varnish-${process.pid}`)
    const edge = await startEdge({
      listenPort: edgePort,
      backendHost: '127.0.0.1',
      backendPort: appPort,
      workDir,
    })
    stops.push(async () => {
      await edge.stop()
      rmSync(workDir, { recursive: true, force: true })
    })
    // The baseline sends what a reader gets through the proxy for each encoding, body and
    // headers (the second answer: a hit), so the two put the same bytes on the wire.
    const proxied = async (gzipped: boolean) => {
      await rawBody(`${edgeUrl}${page}`, gzipped)
      return rawBody(`${edgeUrl}${page}`, gzipped)
    }
    const [plain, gzip] = [await proxied(false), await proxied(true)]
    if (gzip.encoding !== 'gzip') throw new Error('The app did not gzip the article page.')
    if (plain.encoding) throw new Error(`The proxy sent a plain reader ${plain.encoding}.`)
    const baseline = await startBaseline(plain, gzip, barePort)
    stops.push(baseline.stop)
    return {
      app,
      edge: { url: edgeUrl, workDir },
      baseline,
      databaseUrl: database.url,
      admin,
      page: { path: page, plain: plain.body, gzip: gzip.body },
      tearDown,
    }
  } catch (error) {
    await tearDown()
    throw error
  }
}
