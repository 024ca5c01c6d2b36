/**
 * `npm run start:cluster`: the production topology on one machine — Varnish on EDGE_PORT (8080)
 * in front of CLUSTER_REPLICAS (2) app replicas on 127.0.0.1:PORT, PORT+1, … (3000…), which share
 * PostgreSQL (embedded unless DATABASE_URL) and Next's cache in Redis (REDIS_URL,
 * redis://127.0.0.1:6379; a redis-server is started there when nothing answers). Migrations and
 * the seed run once, the site is built once when the sources changed. Ctrl-C or SIGTERM stops
 * Varnish, the replicas, and what this started (Redis, the embedded database).
 * Installs Debian's varnish and redis-server when missing and this runs as root.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { type Edge, startEdge } from '@/edge/varnish'

import { onShutdown } from './database'
import { installWhenMissing } from './debian'
import { startJobsRunner } from './jobsRunner'
import { migrateAndSeed } from './migrateAndSeed'
import { isListening } from './net'
import { buildSite, clearRuntimeCache, needsBuild, serverArgs } from './next'
import { type RedisServer, startRedisServer } from './redisServer'
import { runOnDatabase, withPayload } from './withPayload'

const replicas = Number(process.env.CLUSTER_REPLICAS ?? 2)
const firstPort = Number(process.env.PORT ?? 3000)
const edgePort = Number(process.env.EDGE_PORT ?? 8080)
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) {
  console.error(`CLUSTER_REPLICAS must be a whole number from 1 to 16, not "${replicas}".`)
  process.exit(2)
}

installWhenMissing('/usr/sbin/varnishd', ['varnish', 'varnish-modules'])

const apps: ChildProcess[] = []
let edge: Edge | null = null
let redis: RedisServer | null = null
let stopping = false
onShutdown(async () => {
  stopping = true
  await edge?.stop()
  await Promise.all(apps.map(stopChild))
  await redis?.stop()
})

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Each replica's log lines, prefixed with its name. */
function prefixed(child: ChildProcess, name: string): void {
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    let rest = ''
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) out.write(`[${name}] ${line}\n`)
    })
  }
}

/** The Redis the replicas share: REDIS_URL, or one started here on 6379 when nothing answers. */
async function sharedRedis(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL
  if (!(await isListening(6379))) {
    installWhenMissing('/usr/bin/redis-server', ['redis-server'])
    console.log('Starting redis-server on 127.0.0.1:6379 (it keeps nothing on disk)…')
    redis = await startRedisServer(6379)
  }
  return 'redis://127.0.0.1:6379'
}

await runOnDatabase(
  async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    }
    Object.assign(process.env, env)
    await withPayload((payload) => migrateAndSeed(payload))
    if (needsBuild()) {
      console.log('Building the site (about a minute, once per change)…')
      const built = await buildSite(env)
      if (built !== 0) return built
    }
    // The replicas' own copies only: the shared cache in Redis is what a restart serves from.
    clearRuntimeCache()
    const redisUrl = await sharedRedis()
    const ports = Array.from({ length: replicas }, (_, index) => firstPort + index)
    for (const [index, port] of ports.entries()) {
      const child = spawn(process.execPath, serverArgs('start'), {
        env: {
          ...env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          REDIS_URL: redisUrl,
          // Varnish connects from 127.0.0.1: exactly that address is believed.
          TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? '127.0.0.1',
          // Every replica purges the one Varnish after each change it makes.
          PURGE_URLS: process.env.PURGE_URLS ?? `http://127.0.0.1:${edgePort}`,
          // After SIGTERM a replica's /api/health answers 503 this long before its port closes:
          // Varnish's probe (two failures a second apart) takes it out of the rotation first.
          SHUTDOWN_DRAIN_SECONDS: process.env.SHUTDOWN_DRAIN_SECONDS ?? '3',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      prefixed(child, `app${index + 1}`)
      apps.push(child)
      void startJobsRunner(String(port), '127.0.0.1')
    }
    for (const [index, port] of ports.entries()) {
      while (!(await isListening(port))) {
        if (apps[index].exitCode !== null) return apps[index].exitCode ?? 1
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
    edge = await startEdge({
      listenPort: edgePort,
      listenHost: process.env.EDGE_HOST ?? '0.0.0.0',
      backendHost: '127.0.0.1',
      backendPort: firstPort,
      backends: ports.map((port) => ({ host: '127.0.0.1', port })),
      workDir: path.join(process.cwd(), '.data', 'varnish'),
    })
    console.log(
      `Readers' path: http://localhost:${edgePort} (Varnish → ${replicas} replicas on 127.0.0.1:${ports.join(', ')}; shared cache ${redisUrl})`,
    )
    // Until Ctrl-C or SIGTERM (database.ts runs the shutdown above), or every replica has stopped.
    await Promise.all(apps.map((child) => new Promise((resolve) => child.once('exit', resolve))))
    if (stopping) return 0
    console.error('Every replica has stopped.')
    await edge.stop()
    return 1
  },
  (error) => {
    console.error(error)
    return 1
  },
)
