import http from 'node:http'
import { rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pendingPurges, purgeProxies, type PurgeLogger } from '@/edge/purge'
import { type Edge, startEdge } from '@/edge/varnish'
import { freePort } from '@/scripts/net'

import { startTcpProxy, type TcpProxy } from '../support/tcpProxy'

/*
 * The purge path on the real shipped Varnish (deploy/varnish/default.vcl): a
 * small origin labels each page with surrogate keys the way proxy.ts does and
 * counts its renders, so a test can tell a stored copy from a fresh one.
 */

let origin: http.Server
let edge: Edge
let front: TcpProxy
let workDir: string
const renders = new Map<string, number>()
const KEYS: Record<string, string> = {
  '/world': 'desks article-lists path:/world',
  '/world/harbour': 'desks article-page:/world/harbour path:/world/harbour',
}

const logged: string[] = []
const logger: PurgeLogger = {
  warn: ({ msg }) => logged.push(msg),
  error: ({ msg }) => logged.push(msg),
}

beforeAll(async () => {
  origin = http.createServer((request, response) => {
    const page = new URL(request.url ?? '/', 'http://x').pathname
    const n = (renders.get(page) ?? 0) + 1
    renders.set(page, n)
    response.writeHead(200, {
      'content-type': 'text/html',
      xkey: KEYS[page] ?? `path:${page}`,
      'surrogate-control': 'max-age=3600',
    })
    response.end(`${page} render ${n}`)
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  workDir = path.resolve('.data', `int-varnish-${process.pid}`)
  edge = await startEdge({
    listenPort: await freePort(),
    backendHost: '127.0.0.1',
    backendPort: (origin.address() as AddressInfo).port,
    workDir,
  })
  // The app reaches the proxy through this, so a test can take the proxy away.
  front = await startTcpProxy({ host: '127.0.0.1', port: edge.port })
}, 60_000)

afterAll(async () => {
  await front?.close()
  await edge?.stop()
  await new Promise((resolve) => origin?.close(resolve))
  rmSync(workDir, { recursive: true, force: true })
})

async function get(page: string, headers: Record<string, string> = {}, from?: string) {
  return new Promise<{ body: string; cache: string }>((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port: edge.port,
          path: page,
          headers,
          localAddress: from,
          agent: false,
        },
        (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ body, cache: String(res.headers['x-cache']) }))
        },
      )
      .on('error', reject)
  })
}

function purge(headers: Record<string, string>, from: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .request(
        {
          host: '127.0.0.1',
          port: edge.port,
          path: '/',
          method: 'PURGE',
          headers,
          localAddress: from,
          agent: false,
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        },
      )
      .on('error', reject)
      .end()
  })
}

describe('purging the shipped proxy by surrogate key', () => {
  it('keeps a page until a change purges one of its keys, then stores the fresh copy it re-warmed', async () => {
    await get('/world')
    await get('/world/harbour')
    expect(await get('/world')).toEqual({ body: '/world render 1', cache: 'HIT' })

    await purgeProxies({ soft: ['article-lists'], hard: [] }, ['/world'], logger, [
      `http://127.0.0.1:${edge.port}`,
    ])
    // The re-warm already fetched the new copy: the next reader gets it from the proxy.
    expect(await get('/world')).toEqual({ body: '/world render 2', cache: 'HIT' })
    // A page without the key is untouched.
    expect(await get('/world/harbour')).toEqual({ body: '/world/harbour render 1', cache: 'HIT' })
  })

  it('removes what a hard purge names: no reader gets it again, not even from grace', async () => {
    await get('/world/harbour')
    const before = renders.get('/world/harbour')!
    await purgeProxies({ soft: [], hard: ['article-page:/world/harbour'] }, [], logger, [
      `http://127.0.0.1:${edge.port}`,
    ])
    expect(await get('/world/harbour')).toEqual({
      body: `/world/harbour render ${before + 1}`,
      cache: 'MISS',
    })
  })

  it('ignores keys, purges and re-warm requests from anyone but the app', async () => {
    await get('/world/harbour')
    const before = renders.get('/world/harbour')
    expect(await purge({ 'x-purge-keys': 'article-page:/world/harbour' }, '127.0.0.9')).toBe(403)
    const forged = await get(
      '/world/harbour',
      { xkey: 'x', 'surrogate-key': 'x', 'x-purge-keys': 'desks', 'x-broadsheet-warm': '1' },
      '127.0.0.9',
    )
    expect(forged.cache).toBe('HIT')
    expect(renders.get('/world/harbour')).toBe(before)
    expect((await get('/world')).cache).toBe('HIT')
  })

  it('stores one copy of a page whatever Host is named, and never stores client-router requests', async () => {
    await get('/world')
    const n = renders.get('/world')
    expect((await get('/world', { host: `random-${Date.now()}.example` })).cache).toBe('HIT')
    expect((await get('/world', { 'x-broadsheet-pass': '1' })).cache).toBe('HIT')
    expect((await get('/world', { rsc: '1' })).cache).toBe('PASS')
    expect((await get('/world?_rsc=abc')).cache).toBe('PASS')
    // The two passes reached the app; nothing else did.
    expect(renders.get('/world')).toBe(n! + 2)
    expect((await get('/world')).body).toBe(`/world render ${n}`)
  })

  it('a purge the proxy does not take is retried until it does, without holding up the change', async () => {
    await get('/world/harbour')
    const before = renders.get('/world/harbour')!
    const target = `http://127.0.0.1:${front.port}`
    await front.cut()
    await purgeProxies(
      { soft: ['article-page:/world/harbour'], hard: [] },
      ['/world/harbour'],
      logger,
      [target],
    )
    expect(pendingPurges()[target]).toBe(1)
    expect(logged.some((msg) => msg.includes(`Could not purge ${target}`))).toBe(true)
    // Still the stored copy while the purge waits.
    expect(await get('/world/harbour')).toEqual({
      body: `/world/harbour render ${before}`,
      cache: 'HIT',
    })
    await front.restore()
    await expect.poll(() => pendingPurges()[target], { timeout: 15_000 }).toBeUndefined()
    // Purged (soft: served once more from grace while the fresh copy is fetched), then fresh.
    await expect
      .poll(async () => (await get('/world/harbour')).body, { timeout: 10_000 })
      .toBe(`/world/harbour render ${before + 1}`)
  })
})
