import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'

import pg from 'pg'

import { codeMigrations } from '../../src/operations/schemaStatus'
import { freePort } from '../../src/scripts/net'
import { serverArgs } from '../../src/scripts/next'
import { type AppServer, startAppServer } from '../support/appServer'
import { proxiedDatabase, type TcpProxy } from '../support/tcpProxy'
import { createTestDatabase } from '../support/testDatabase'
import { createArticle, editorHeaders } from './api'
import { expect, test } from './fixtures'
import { readerAddress } from './pages/Comments'

/** The JSON log lines a server printed (production logs are one JSON object per line). */
function jsonLines(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return []
    try {
      return [JSON.parse(line) as Record<string, unknown>]
    } catch {
      return []
    }
  })
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 15_000
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test.describe('health, readiness and request logs', () => {
  let database: TcpProxy
  let app: AppServer

  test.beforeAll(async () => {
    const proxied = await proxiedDatabase(process.env.E2E_DATABASE_URL!)
    database = proxied.proxy
    app = await startAppServer('operations', proxied.url)
  })

  test.afterAll(async () => {
    await app?.stop()
    await database?.close()
  })

  test('health answers without the database; ready says why it is not ready, never cached', async () => {
    const ready = await fetch(`${app.url}/api/ready`)
    expect(ready.status).toBe(200)
    expect(ready.headers.get('cache-control')).toBe('no-store')
    const body = await ready.json()
    expect(body).toMatchObject({
      ready: true,
      database: { reachable: true, pendingMigrations: [] },
      sharedCache: { configured: false },
    })
    expect(body.database.migrationsApplied).toBeGreaterThanOrEqual(codeMigrations().length)

    await database.cut()
    try {
      const before = database.bytesToDatabase()
      const health = await fetch(`${app.url}/api/health`)
      expect(health.status).toBe(200)
      expect(health.headers.get('cache-control')).toBe('no-store')
      expect((await health.json()).status).toBe('ok')
      // Liveness sent nothing to PostgreSQL.
      expect(database.bytesToDatabase()).toBe(before)

      const notReady = await fetch(`${app.url}/api/ready`)
      expect(notReady.status).toBe(503)
      expect(notReady.headers.get('cache-control')).toBe('no-store')
      const reason = await notReady.json()
      expect(reason.ready).toBe(false)
      expect(reason.reason).toMatch(/^The database is not answering/)
    } finally {
      await database.restore()
    }
    await until('ready again', async () =>
      (await fetch(`${app.url}/api/ready`)).status === 200 ? true : undefined,
    )
  })

  test("a trusted proxy's request id is returned and carried by the error Payload logs for that request", async () => {
    const requestId = `edge-${randomUUID()}`
    await database.cut()
    let status: number
    try {
      // From 127.0.0.1, the suite's trusted proxy.
      const response = await fetch(`${app.url}/api/articles?limit=1`, {
        headers: { 'x-request-id': requestId },
      })
      status = response.status
      expect(response.headers.get('x-request-id')).toBe(requestId)
    } finally {
      await database.restore()
    }
    expect(status).toBe(503)
    const lines = await until('the request’s log lines', () => {
      const mine = jsonLines(app.output()).filter((line) => line.requestId === requestId)
      return mine.some((line) => line.msg === 'request') ? mine : undefined
    })
    const error = lines.find((line) => line.level === 50)
    expect(error, JSON.stringify(lines)).toBeDefined()
    expect(String((error!.err as { message?: string })?.message ?? error!.msg)).toMatch(
      /connect|ECONNREFUSED|terminat|closed/i,
    )
    expect(lines.find((line) => line.msg === 'request')).toMatchObject({
      method: 'GET',
      path: '/api/articles',
      status: 503,
    })
  })

  test('a request id sent by a client that is not the trusted proxy is replaced by our own', async () => {
    const sent = `forged-${randomUUID()}`
    const http = await import('node:http')
    const answered = await new Promise<string | undefined>((resolve, reject) => {
      http
        .get(
          `${app.url}/api/health`,
          { localAddress: '127.0.0.9', headers: { 'x-request-id': sent } },
          (response) => {
            response.resume()
            resolve(response.headers['x-request-id'] as string | undefined)
          },
        )
        .on('error', reject)
    })
    expect(answered).toMatch(/^[0-9a-f-]{36}$/)
    expect(answered).not.toBe(sent)
  })
})

test('a server whose database lacks a migration refuses to start, naming it and the fix', async () => {
  const database = await createTestDatabase('broadsheet_e2e_behind')
  try {
    const names = codeMigrations()
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    await client.query('create table payload_migrations (id serial primary key, name varchar)')
    for (const name of names.slice(0, -1)) {
      await client.query('insert into payload_migrations (name) values ($1)', [name])
    }
    await client.end()
    const server = spawn(process.execPath, serverArgs('start'), {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        PAYLOAD_SECRET: 'end-to-end-test-secret-0123456789',
        PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    server.stdout.on('data', (chunk) => (output += chunk))
    server.stderr.on('data', (chunk) => (output += chunk))
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve))
    expect(code).toBe(1)
    expect(output).toContain('Refusing to serve')
    expect(output).toContain(names.at(-1)!)
    expect(output).toContain('npm run migrate')
  } finally {
    await database.drop()
  }
})

type Outcome = 'answered' | 'refused' | 'reset'

/** One request's fate: answered (any status), refused (never reached a server), or reset. */
async function attempt(
  send: () => Promise<Response>,
): Promise<{ outcome: Outcome; status?: number; text?: string; error?: string }> {
  try {
    const response = await send()
    return { outcome: 'answered', status: response.status, text: await response.text() }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    if (cause?.code === 'ECONNREFUSED') return { outcome: 'refused' }
    return { outcome: 'reset', error: `${cause?.code ?? ''} ${cause?.message ?? String(error)}` }
  }
}

// A failed run must not leave its server running.
let shutdownServer: AppServer | undefined
test.afterEach(async () => {
  await shutdownServer?.stop()
  shutdownServer = undefined
})

/*
 * The load comes from clients that behave like the proxy in front of the app: they probe
 * /api/ready and stop sending new requests to this process once it answers 503 (what
 * SHUTDOWN_DRAIN_SECONDS gives them time for). Requests already sent keep going, on keep-alive
 * connections, and must all be answered. (A client that ignores readiness and keeps opening
 * connections may, at the instant the port closes, have one in the kernel's accept queue:
 * Linux resets those. That is why the drain exists.)
 */
test('SIGTERM under load: nothing reset, every acknowledged comment stored once, exit within the bound', async ({
  request,
}) => {
  test.setTimeout(120_000)
  const headers = await editorHeaders(request)
  const article = await createArticle(request, headers, {
    headline: `Harbour ${Date.now().toString(36)} stays open through the night`,
  })
  const app = (shutdownServer = await startAppServer('shutdown', process.env.E2E_DATABASE_URL!, {
    COMMENT_MIN_SECONDS: '0',
    SHUTDOWN_TIMEOUT_SECONDS: '10',
    SHUTDOWN_DRAIN_SECONDS: '2',
  }))
  const { token } = await (
    await fetch(`${app.url}/next/comments/token?article=${article.articleId}`)
  ).json()
  let stopping = false
  let drained = false
  const resets: string[] = []
  const acknowledged = new Map<string, string>()
  const statuses: number[] = []
  let answeredAfterSigterm = 0
  const readiness: { afterSigterm: boolean; status: number; shuttingDown: boolean }[] = []
  const liveness: { afterSigterm: boolean; status: number; said: string }[] = []

  const record = (
    label: string,
    result: Awaited<ReturnType<typeof attempt>>,
    sentAfter: boolean,
  ) => {
    if (result.outcome === 'reset') resets.push(`${label} ${result.error}`)
    if (result.outcome === 'answered' && sentAfter) answeredAfterSigterm += 1
    return result.outcome === 'answered'
  }
  const page = async () => {
    while (!drained) {
      const sentAfter = stopping
      const result = await attempt(() => fetch(`${app.url}${article.path}`))
      if (record('GET', result, sentAfter)) statuses.push(result.status!)
    }
  }
  const comment = async () => {
    while (!drained) {
      const key = randomUUID()
      const body = `A comment sent while the server stops ${key}.`
      const sentAfter = stopping
      const result = await attempt(() =>
        fetch(`${app.url}/next/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': readerAddress() },
          body: JSON.stringify({
            article: article.articleId,
            name: 'Ada Reader',
            email: `reader-${key}@example.com`,
            body,
            token,
            key,
          }),
        }),
      )
      if (!record('POST', result, sentAfter)) continue
      if ([200, 201].includes(result.status!)) acknowledged.set(key, body)
      else statuses.push(result.status!)
    }
  }
  const probe = async () => {
    while (!drained) {
      const afterSigterm = stopping
      const result = await attempt(() => fetch(`${app.url}/api/ready`))
      if (record('ready', result, afterSigterm)) {
        const body = JSON.parse(result.text!) as { shuttingDown?: boolean }
        readiness.push({ afterSigterm, status: result.status!, shuttingDown: !!body.shuttingDown })
        // Liveness says so too: the proxy's probe (/api/health) drains a replica being stopped.
        // Its own flag: SIGTERM may come between the two requests.
        const healthAfterSigterm = stopping
        const health = await attempt(() => fetch(`${app.url}/api/health`))
        if (record('health', health, healthAfterSigterm)) {
          const { status } = JSON.parse(health.text!) as { status: string }
          liveness.push({ afterSigterm: healthAfterSigterm, status: health.status!, said: status })
        }
        if (afterSigterm && result.status === 503) drained = true
      } else if (result.outcome === 'refused') drained = true
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  const load = [...Array.from({ length: 8 }, page), ...Array.from({ length: 6 }, comment), probe()]
  await until('load under way', () =>
    acknowledged.size >= 10 && statuses.length >= 50 ? true : undefined,
  )
  stopping = true
  const begin = Date.now()
  await app.stop()
  const elapsed = Date.now() - begin
  await Promise.all(load)
  test.info().annotations.push({
    type: 'figures',
    description: `${statuses.length} pages, ${acknowledged.size} comments acknowledged, ${answeredAfterSigterm} requests sent after SIGTERM answered, exit after ${elapsed} ms`,
  })

  expect(resets, `requests answered with a reset\n${app.output().slice(-3000)}`).toEqual([])
  expect(app.exitCode()).toBe(0)
  expect(elapsed).toBeLessThan(10_000 + 2_000)
  expect(answeredAfterSigterm, 'requests sent after SIGTERM and answered').toBeGreaterThan(0)
  expect(
    statuses.filter((status) => status !== 200),
    'pages answered other than 200',
  ).toEqual([])
  // Readiness flipped to 503 once shutdown began, while the drain kept the port open.
  expect(
    readiness.some((probe) => probe.afterSigterm && probe.status === 503 && probe.shuttingDown),
  ).toBe(true)
  // Live before SIGTERM. (Only the first probe is certain: one sent just before SIGTERM may be
  // answered after it, with the 503 below.)
  expect(liveness[0]).toEqual({ afterSigterm: false, status: 200, said: 'ok' })
  expect(liveness).toContainEqual({ afterSigterm: true, status: 503, said: 'shutting down' })
  expect(app.output()).toContain('Shut down')

  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL })
  await client.connect()
  const { rows } = await client.query<{ body: string }>(
    'select body from comments where article_id = $1',
    [article.articleId],
  )
  await client.end()
  // (The submission key is stored hashed; each body names its key.)
  const stored = rows.map((row) => row.body).sort()
  // Every acknowledged comment is stored, whole, once; nothing unacknowledged was stored.
  expect(stored).toEqual([...acknowledged.values()].sort())
})
