import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { createClient } from 'redis'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { freePort } from '../../src/scripts/net'
import { type RedisServer, startRedisServer } from '../../src/scripts/redisServer'
import { type AppServer, startAppServer } from '../support/appServer'
import { type Answer, rawRequest, type RawRequestOptions } from '../support/rawRequest'
import { createArticle, headersOf } from './api'
import { EDITOR, expect, test } from './fixtures'
import { readerAddress } from './pages/Comments'

// The production topology (npm run start:cluster) on the end-to-end database: two replicas, each
// on a private copy of the build, sharing Next's cache through the machine's Redis under a key
// prefix of this run's own, behind the shipped Varnish with both as backends. The fault test
// (Redis gone) uses a redis-server of its own on a free port, so nobody else's Redis is touched.
test.describe.configure({ mode: 'serial' })

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `broadsheet-e2e-cluster-${Date.now().toString(36)}-${process.pid}:`
let replicaA: AppServer
let replicaB: AppServer
let edge: Edge
let edgeUrl: string
let workDir: string

function replicaEnv(redisUrl: string, edgePort: number): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    PURGE_URLS: `http://127.0.0.1:${edgePort}`,
    COMMENT_MIN_SECONDS: '0',
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000)
  const edgePort = await freePort()
  const env = replicaEnv(REDIS_URL, edgePort)
  ;[replicaA, replicaB] = await Promise.all([
    startAppServer('cluster-a', process.env.E2E_DATABASE_URL!, env),
    startAppServer('cluster-b', process.env.E2E_DATABASE_URL!, env),
  ])
  workDir = path.resolve('.data', `e2e-varnish-cluster-${Date.now().toString(36)}`)
  edge = await startEdge({
    listenPort: edgePort,
    backendHost: '127.0.0.1',
    backendPort: replicaA.port,
    backends: [replicaA, replicaB].map((replica) => ({ host: '127.0.0.1', port: replica.port })),
    workDir,
  })
  edgeUrl = `http://127.0.0.1:${edge.port}`
})

test.afterAll(async () => {
  await edge?.stop()
  await Promise.all([replicaA?.stop(), replicaB?.stop()])
  if (workDir) rmSync(workDir, { recursive: true, force: true })
  // This run's keys only.
  const redis = await createClient({ url: REDIS_URL }).connect()
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    if (keys.length > 0) await redis.unlink(keys)
  }
  await redis.close()
})

/** A raw request to a replica or the proxy (`base`), on a connection of its own. */
function fetchRaw(base: string, target: string, options: RawRequestOptions = {}): Promise<Answer> {
  return rawRequest(Number(new URL(base).port), target, options)
}

/** A figure for the report: kept on the test and printed with the run. */
function note(annotation: { type: string; description: string }): void {
  test.info().annotations.push(annotation)
  console.log(`${annotation.type}: ${annotation.description}`)
}

/** How many replicas the proxy's health probes find answering (varnishadm backend.list). */
function healthyReplicas(): number {
  const list = execFileSync('varnishadm', ['-n', workDir, 'backend.list'], { encoding: 'utf8' })
  return list.split('\n').filter((line) => /\bapp\d+\b.*\bhealthy\b/i.test(line)).length
}

/** Milliseconds until `url` shows `text`, polled every 50 ms; fails after `deadline` ms. */
async function millisUntilShown(base: string, target: string, text: string, deadline = 5_000) {
  const start = Date.now()
  await expect
    .poll(async () => (await fetchRaw(base, target)).body, { timeout: deadline, intervals: [50] })
    .toContain(text)
  return Date.now() - start
}

test('an edit published through replica A is seen through replica B and through the proxy within a second or so', async ({
  playwright,
}) => {
  // The editor works on replica A alone.
  const request = await playwright.request.newContext({ baseURL: replicaA.url })
  const headers = await headersOf(request, EDITOR)
  const headline = `Harbour dredging ${Date.now().toString(36)}`
  const { articleId, path: articlePath } = await createArticle(request, headers, { headline })
  // Each replica has the page cached, and so has the proxy.
  for (const base of [replicaA.url, replicaB.url]) {
    await expect.poll(async () => (await fetchRaw(base, articlePath)).body).toContain(headline)
    expect((await fetchRaw(base, articlePath)).headers['x-nextjs-cache']).toBe('HIT')
  }
  expect((await fetchRaw(edgeUrl, articlePath)).body).toContain(headline)

  const revised = `${headline}, delayed by storms`
  const edited = await request.patch(`/api/articles/${articleId}`, {
    headers,
    data: { headline: revised },
  })
  expect(edited.ok()).toBe(true)
  await request.dispose()
  const onB = await millisUntilShown(replicaB.url, articlePath, revised)
  const throughProxy = await millisUntilShown(edgeUrl, articlePath, revised)
  note({
    type: 'publish → visible',
    description: `replica B ${onB} ms, proxy ${throughProxy} ms after A answered the edit`,
  })
  // Neither replica hands out the old headline again.
  for (const base of [replicaA.url, replicaB.url, edgeUrl]) {
    expect((await fetchRaw(base, articlePath)).body).not.toContain(`>${headline}<`)
  }
})

test('a replica started again serves the pages already cached straight from the shared cache', async ({
  request,
}) => {
  const headers = await headersOf(request, EDITOR)
  const headline = `Lighthouse keepers ${Date.now().toString(36)}`
  const { path: articlePath } = await createArticle(request, headers, { headline })
  await expect.poll(async () => (await fetchRaw(replicaA.url, articlePath)).status).toBe(200)
  expect((await fetchRaw(replicaA.url, articlePath)).headers['x-nextjs-cache']).toBe('HIT')

  // B starts again on its port, on a fresh copy of the build: nothing of its own on disk.
  const port = replicaB.port
  await replicaB.stop()
  replicaB = await startAppServer('cluster-b2', process.env.E2E_DATABASE_URL!, {
    ...replicaEnv(REDIS_URL, edge.port),
    PORT: String(port),
  })
  const first = await fetchRaw(replicaB.url, articlePath)
  expect(first.status).toBe(200)
  expect(first.body).toContain(headline)
  // Its first answer for the page is a cache hit: rendered by A, read from Redis.
  expect(first.headers['x-nextjs-cache']).toBe('HIT')
})

test('replica A killed under load: readers through the proxy get only 200s, and every acknowledged comment is stored', async ({
  request,
}) => {
  test.setTimeout(90_000)
  const headers = await headersOf(request, EDITOR)
  const { articleId, path: articlePath } = await createArticle(request, headers, {
    headline: `Ferry strike ${Date.now().toString(36)}`,
  })
  // The proxy's probes have seen both replicas answer (B was just started again).
  await expect.poll(healthyReplicas, { timeout: 20_000 }).toBe(2)
  await expect.poll(async () => (await fetchRaw(edgeUrl, articlePath)).status).toBe(200)

  const statuses = new Map<number, number>()
  const acknowledged: number[] = []
  const refused = new Map<string, number>()
  const refuse = (why: string) => refused.set(why, (refused.get(why) ?? 0) + 1)
  let stop = false
  let readsAfterKill = 0
  let killed = false
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)
  // Pages the proxy keeps, and searches it always passes to a replica.
  const targets = [articlePath, '/', `/search?q=ferry`, `/search?q=harbour`, '/world']
  const reader = async (n: number) => {
    for (let i = 0; !stop; i += 1) {
      const target = targets[(n + i) % targets.length]
      const answer = await fetchRaw(
        edgeUrl,
        target.startsWith('/search') ? `${target}&r=${n}-${i}` : target,
      )
      count(answer.status)
      if (killed) readsAfterKill += 1
    }
  }
  const commenter = async (n: number) => {
    for (let i = 0; !stop; i += 1) {
      const address = readerAddress()
      try {
        const tokenAnswer = await fetchRaw(edgeUrl, `/next/comments/token?article=${articleId}`)
        const { token } = JSON.parse(tokenAnswer.body) as { token: string }
        const posted = await fetchRaw(edgeUrl, '/next/comments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({
            article: articleId,
            name: `Commuter ${n}`,
            email: `commuter-${n}-${i}@example.com`,
            body: `Sailings cancelled again, ${n}-${i}.`,
            token,
          }),
        })
        if (posted.status >= 200 && posted.status < 300) {
          acknowledged.push((JSON.parse(posted.body) as { id: number }).id)
        } else refuse(String(posted.status))
      } catch {
        // A write that reached the dying replica is not acknowledged: the commenter may send it again.
        refuse('connection error')
      }
    }
  }
  const load = [
    ...Array.from({ length: 6 }, (_, n) => reader(n)),
    ...Array.from({ length: 2 }, (_, n) => commenter(n)),
  ]
  // Under way: readers and commenters both going through the proxy to both replicas.
  const reads = () => [...statuses.values()].reduce((sum, n) => sum + n, 0)
  await expect.poll(() => reads() > 100 && acknowledged.length > 2, { timeout: 20_000 }).toBe(true)
  await replicaA.kill('SIGKILL')
  killed = true
  await expect.poll(() => readsAfterKill, { timeout: 30_000 }).toBeGreaterThan(200)
  stop = true
  await Promise.all(load)

  note({
    type: 'load',
    description: `${[...statuses].map(([status, n]) => `${n}× ${status}`).join(', ')}; ${acknowledged.length} comments acknowledged; not: ${[...refused].map(([why, n]) => `${n}× ${why}`).join(', ') || 'none'}`,
  })
  expect([...statuses.keys()]).toEqual([200])
  expect(acknowledged.length).toBeGreaterThan(0)
  const database = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await database.connect()
  try {
    const { rows } = await database.query<{ id: number }>(
      'select id from comments where id = any($1::int[])',
      [acknowledged],
    )
    expect(rows.map((row) => row.id).sort((x, y) => x - y)).toEqual(
      [...acknowledged].sort((x, y) => x - y),
    )
  } finally {
    await database.end()
  }
})

test.describe('with Redis gone', () => {
  let redis: RedisServer
  let replica: AppServer

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    redis = await startRedisServer(await freePort())
    replica = await startAppServer('cluster-redis-down', process.env.E2E_DATABASE_URL!, {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      COMMENT_MIN_SECONDS: '0',
    })
  })

  test.afterAll(async () => {
    await replica?.stop()
    await redis?.stop()
  })

  test('pages keep answering 200 from the replica’s own cache, and publishing still works', async ({
    request,
  }) => {
    const headers = await headersOf(request, EDITOR)
    const headline = `Tide tables ${Date.now().toString(36)}`
    const { articleId, path: articlePath } = await createArticle(request, headers, { headline })
    await expect.poll(async () => (await fetchRaw(replica.url, articlePath)).status).toBe(200)
    expect((await fetchRaw(replica.url, articlePath)).headers['x-nextjs-cache']).toBe('HIT')

    await redis.stop()
    await expect.poll(() => replica.output()).toContain('Redis is unreachable')
    const cached = await fetchRaw(replica.url, articlePath)
    expect(cached.status).toBe(200)
    expect(cached.body).toContain(headline)
    expect(cached.headers['x-nextjs-cache']).toBe('HIT')
    for (const target of ['/', '/world', '/search?q=tide']) {
      expect((await fetchRaw(replica.url, target)).status, target).toBe(200)
    }
    // Readiness says so, and stays ready: the replica serves from its own cache meanwhile.
    const ready = await fetchRaw(replica.url, '/api/ready')
    expect(ready.status).toBe(200)
    expect(JSON.parse(ready.body)).toMatchObject({
      sharedCache: { configured: true, connected: false },
    })
    // An edit made meanwhile reaches this replica's readers.
    const revised = `${headline} revised`
    const edited = await request.patch(`${replica.url}/api/articles/${articleId}`, {
      headers,
      data: { headline: revised },
    })
    expect(edited.ok()).toBe(true)
    await millisUntilShown(replica.url, articlePath, revised)
  })

  test('a replica whose Redis never answered serves readers all the same', async ({ request }) => {
    const closed = await freePort()
    const lonely = await startAppServer('cluster-no-redis', process.env.E2E_DATABASE_URL!, {
      REDIS_URL: `redis://127.0.0.1:${closed}`,
      REDIS_KEY_PREFIX: prefix,
    })
    try {
      const headers = await headersOf(request, EDITOR)
      const headline = `Pier repairs ${Date.now().toString(36)}`
      const { path: articlePath } = await createArticle(request, headers, { headline })
      for (let view = 0; view < 2; view += 1) {
        const answer = await fetchRaw(lonely.url, articlePath)
        expect(answer.status).toBe(200)
        expect(answer.body).toContain(headline)
      }
      expect(lonely.output()).toContain('Redis is unreachable')
    } finally {
      await lonely.stop()
    }
  })
})
