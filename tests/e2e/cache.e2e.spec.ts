import { type ChildProcess, spawn } from 'node:child_process'

import { freePort } from '../../src/scripts/net'
import { isolatedBuild } from '../support/isolatedBuild'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy'
import { expect, REFERENCE, test } from './fixtures'

let proxy: TcpProxy
let server: ChildProcess
let site: string
let output = ''
let build: ReturnType<typeof isolatedBuild>

// A second server on a copy of the build, whose database connection runs through a proxy we control.
test.beforeAll(async ({ request }) => {
  const database = new URL(process.env.E2E_DATABASE_URL!)
  proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) })
  database.hostname = '127.0.0.1'
  database.port = String(proxy.port)
  build = isolatedBuild(process.env.E2E_DIST_DIR!, 'cache')
  const port = await freePort()
  site = `http://127.0.0.1:${port}`
  server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: database.toString(),
        PAYLOAD_SECRET: 'end-to-end-test-secret-0123456789',
        MEDIA_DIR: process.env.E2E_MEDIA_DIR,
        NEXT_DIST_DIR: build.distDir,
        PORT: String(port),
        // This server measures what a reader's view sends to the database; the scheduled-jobs
        // runner's own queries every 10 s (a COMMIT landed inside the window once) are not that.
        BROADSHEET_JOBS: 'off',
        // Nor is the redirect lookup each address gets once a second (src/redirects/resolve.ts),
        // which a loaded machine's five views can straddle.
        REDIRECT_CACHE_SECONDS: '600',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  await expect
    .poll(async () => (await request.get(`${site}/`).catch(() => null))?.status(), {
      timeout: 60_000,
    })
    .toBe(200)
})

test.afterAll(async () => {
  server?.kill('SIGTERM')
  await proxy?.close()
  build?.remove()
})

test('a cached article view sends nothing to the database', async ({ request }) => {
  expect((await request.get(`${site}${REFERENCE.path}`)).status()).toBe(200)
  const before = proxy.bytesToDatabase()
  for (let view = 0; view < 5; view += 1) {
    const response = await request.get(`${site}${REFERENCE.path}`)
    expect(response.status()).toBe(200)
    expect(response.headers()['x-nextjs-cache']).toBe('HIT')
  }
  expect(proxy.bytesToDatabase()).toBe(before)

  // The proxy does carry the app's queries: an unknown article is looked up.
  expect((await request.get(`${site}/technology/not-cached-${Date.now()}`)).status()).toBe(404)
  expect(proxy.bytesToDatabase()).toBeGreaterThan(before)
})

test('with the database unreachable, cached pages are still served, and the server recovers', async ({
  request,
}) => {
  for (const path of [REFERENCE.path, '/technology']) {
    expect((await request.get(`${site}${path}`)).status()).toBe(200)
  }
  await proxy.cut()

  for (const path of [REFERENCE.path, '/technology']) {
    const response = await request.get(`${site}${path}`)
    expect(response.status(), path).toBe(200)
  }
  expect(await (await request.get(`${site}${REFERENCE.path}`)).text()).toContain(REFERENCE.headline)
  expect(server.exitCode, output).toBeNull()

  await proxy.restore()
  await expect
    .poll(async () => (await request.get(`${site}/technology/recovered-${Date.now()}`)).status(), {
      timeout: 20_000,
    })
    .toBe(404)
  expect((await request.get(`${site}${REFERENCE.path}`)).status()).toBe(200)
})
