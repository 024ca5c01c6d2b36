import http from 'node:http'
import type { AddressInfo } from 'node:net'

import pg from 'pg'
import { commitTransaction, createLocalReq, initTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { env } from '@/env'

import { articleData, createUser, scheduledDraft, seededIds } from '../support/factories'
import { testPayload } from '../support/payload'

/*
 * Outside a request (the jobs runner inside the server), a change asks the
 * app's own /next/revalidate to purge the proxies and re-render its pages.
 * That must happen once the change is committed: asked from inside the
 * transaction, the re-render reads the old rows and the proxy keeps that copy
 * for an hour. This server stands in for the app's endpoint and looks, from a
 * connection of its own, at what a reader would see when it is asked.
 */

interface Asked {
  paths: string[]
  status: string | null
}

let payload: Payload
let server: http.Server
let observer: pg.Client
let watched = 0
const asked: Asked[] = []
const savedPort = env.PORT
const savedRuntime = process.env.NEXT_RUNTIME

beforeAll(async () => {
  payload = await testPayload()
  observer = new pg.Client({ connectionString: env.DATABASE_URL })
  await observer.connect()
  server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', async () => {
      const { rows } = await observer.query<{ status: string }>(
        'select _status as status from articles where id = $1',
        [watched],
      )
      asked.push({ paths: JSON.parse(body).paths, status: rows[0]?.status ?? null })
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  env.PORT = (server.address() as AddressInfo).port
  // What the server's bundles say about themselves: the change is made outside a request.
  process.env.NEXT_RUNTIME = 'nodejs'
})

afterAll(async () => {
  env.PORT = savedPort
  if (savedRuntime === undefined) delete process.env.NEXT_RUNTIME
  else process.env.NEXT_RUNTIME = savedRuntime
  await new Promise((resolve) => server?.close(resolve))
  await observer?.end()
})

/** Resolves with the next time the app is asked, or null if it is not asked within `ms`. */
function nextAsk(ms: number): Promise<Asked | null> {
  const seen = asked.length
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.off('request', onRequest)
      resolve(null)
    }, ms)
    function onRequest(_: unknown, response: http.ServerResponse) {
      response.once('finish', () => {
        clearTimeout(timer)
        server.off('request', onRequest)
        resolve(asked[seen] ?? null)
      })
    }
    server.on('request', onRequest)
  })
}

/** Publishes a new draft inside a transaction that is left open. */
async function publishInOpenTransaction() {
  const draft = await payload.create({
    collection: 'articles',
    data: articleData(await seededIds(payload), { _status: 'draft' }),
    draft: true,
  })
  watched = draft.id
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  await payload.update({
    collection: 'articles',
    id: draft.id,
    data: { _status: 'published' },
    req,
  })
  return { draft, req }
}

describe('purging and re-warming wait for the change to be committed', () => {
  it('a publish inside a transaction asks for its pages only once the transaction commits, and the row is visible then', async () => {
    const { draft, req } = await publishInOpenTransaction()
    // The transaction stays open this long: an ask sent from inside it (the bug) arrives within
    // milliseconds and would see the draft; none may come before the commit.
    expect(await nextAsk(1_500)).toBeNull()
    const asking = nextAsk(10_000)
    await commitTransaction(req)
    const ask = await asking
    expect(ask?.status).toBe('published')
    expect(ask?.paths.some((path) => path.endsWith(`/${draft.slug}`))).toBe(true)
  })

  it('a scheduled publish run by the jobs queue: the app is asked after the article is live', async () => {
    const editor = await createUser(payload, 'editor')
    const { draft, job } = await scheduledDraft(payload, editor, new Date(Date.now() - 1000))
    watched = draft.id
    const asking = nextAsk(10_000)
    await payload.jobs.runByID({ id: job.id })
    const ask = await asking
    expect(ask?.paths.some((path) => path.endsWith(`/${draft.slug}`))).toBe(true)
    expect(ask?.status).toBe('published')
  })

  it('a change that is rolled back asks for nothing', async () => {
    const { req } = await publishInOpenTransaction()
    await payload.db.rollbackTransaction(await req.transactionID!)
    expect(await nextAsk(1_500)).toBeNull()
  })
})
