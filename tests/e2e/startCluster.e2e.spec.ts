import { type ChildProcess, spawn } from 'node:child_process'
import { utimesSync } from 'node:fs'
import path from 'node:path'
import { createClient } from 'redis'

import { freePort, isListening } from '../../src/scripts/net'
import { isolatedBuild } from '../support/isolatedBuild'
import { expect, test } from './fixtures'

// `npm run start:cluster` itself, as the README documents it: one command starts Varnish in front
// of two replicas sharing Redis, on the end-to-end database and a private copy of the test build;
// readers get pages through Varnish from both replicas, and SIGTERM stops it all cleanly.
test.describe.configure({ mode: 'serial' })

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `broadsheet-e2e-start-cluster-${Date.now().toString(36)}-${process.pid}:`

/** Two free ports side by side: the replicas listen on PORT and PORT + 1. */
async function twoFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort()
    if (port < 65535 && !(await isListening(port + 1))) return port
  }
}

test('npm run start:cluster serves readers through Varnish from two replicas, and SIGTERM stops everything', async () => {
  test.setTimeout(300_000)
  const build = isolatedBuild(process.env.E2E_DIST_DIR!, 'start-cluster')
  // The copy is the build under test: the command must serve it, not rebuild it from sources
  // edited since (it rebuilds when a source is newer than BUILD_ID).
  utimesSync(path.join(build.distDir, 'BUILD_ID'), new Date(), new Date())
  const first = await twoFreePorts()
  const edgePort = await freePort()
  let output = ''
  const cluster: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/scripts/startCluster.ts'],
    {
      env: {
        ...process.env,
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        PAYLOAD_SECRET: 'end-to-end-test-secret-0123456789',
        MEDIA_DIR: process.env.E2E_MEDIA_DIR,
        NEXT_DIST_DIR: build.distDir,
        PORT: String(first),
        EDGE_PORT: String(edgePort),
        EDGE_HOST: '127.0.0.1',
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        CLUSTER_REPLICAS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const exited = new Promise<number | null>((resolve) => cluster.once('exit', resolve))
  cluster.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  cluster.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  try {
    await expect
      .poll(() => output, { timeout: 240_000, message: 'the cluster says where readers go' })
      .toContain(`Readers' path: http://localhost:${edgePort}`)
    expect(output).toContain(`2 replicas on 127.0.0.1:${first}, ${first + 1}`)

    // Both replicas answer for themselves, and readers get the home page through Varnish.
    for (const port of [first, first + 1]) {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`)
      expect(health.status, `replica on ${port}`).toBe(200)
    }
    const home = await fetch(`http://127.0.0.1:${edgePort}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('x-cache')).toMatch(/^(MISS|HIT)/)
    expect(await home.text()).toContain('<h1')

    cluster.kill('SIGTERM')
    expect(await exited).toBe(0)
    // Nothing it started is left listening.
    for (const port of [first, first + 1, edgePort]) {
      expect(await isListening(port), `port ${port} after SIGTERM`).toBe(false)
    }
  } finally {
    if (cluster.exitCode === null && cluster.signalCode === null) cluster.kill('SIGKILL')
    build.remove()
    const redis = await createClient({ url: REDIS_URL }).connect()
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await redis.unlink(keys)
    }
    await redis.close()
  }
})
