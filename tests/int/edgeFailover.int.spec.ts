import http from 'node:http'
import { rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Edge, startEdge } from '@/edge/varnish'
import { freePort } from '@/scripts/net'

/*
 * A replica that is dying but not yet taken out of the rotation, on the real shipped Varnish
 * (deploy/varnish/default.vcl): its health probe still answers, but every page request has its
 * connection cut, as when a replica is killed under load. Three of the four replicas here are
 * like that; a reader must still get the page from the fourth.
 */

const servers: http.Server[] = []
let edge: Edge
let workDir: string
const servedBy = new Map<string, number>()

function replica(name: string, dying: boolean) {
  const server = http.createServer((request, response) => {
    if (request.url === '/api/health') {
      response.writeHead(200, { 'content-type': 'application/json' })
      return response.end('{"ok":true}')
    }
    servedBy.set(name, (servedBy.get(name) ?? 0) + 1)
    if (dying) return request.socket.destroy()
    response.writeHead(200, { 'content-type': 'text/html', 'surrogate-control': 'max-age=3600' })
    response.end(`${request.url} from ${name}`)
  })
  servers.push(server)
  return new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )
}

beforeAll(async () => {
  const ports = [
    await replica('a', true),
    await replica('b', true),
    await replica('c', true),
    await replica('d', false),
  ]
  workDir = path.resolve('.data', `int-varnish-failover-${process.pid}`)
  edge = await startEdge({
    listenPort: await freePort(),
    backendHost: '127.0.0.1',
    backendPort: ports[0]!,
    backends: ports.map((port) => ({ host: '127.0.0.1', port })),
    workDir,
  })
}, 60_000)

afterAll(async () => {
  await edge?.stop()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  rmSync(workDir, { recursive: true, force: true })
})

function get(page: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: edge.port, path: page, agent: false }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      .on('error', reject)
  })
}

describe('a replica that dies before its probe notices', () => {
  it('costs the reader nothing: the read is asked again of each other replica in turn', async () => {
    const answers = []
    for (let n = 0; n < 8; n += 1) answers.push(await get(`/world/story-${n}`))
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200))
    answers.forEach((answer, n) => expect(answer.body).toBe(`/world/story-${n} from d`))
    // Every dying replica was asked, and failed, at least once: the reads did meet them.
    for (const name of ['a', 'b', 'c']) expect(servedBy.get(name) ?? 0).toBeGreaterThan(0)
  })
})
