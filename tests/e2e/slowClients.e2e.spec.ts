import http from 'node:http'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { freePort } from '../../src/scripts/net'
import { rawClient, trickle } from '../support/rawHttp'
import { expect, REFERENCE, test } from './fixtures'

// Oversized and slow requests, on bare sockets, against the test server (src/server/limits.ts)
// and the shipped Varnish in front of it (EDGE_LIMITS in src/edge/varnish.ts).
let edge: Edge
let workDir: string
let appPort: number

test.beforeAll(async () => {
  const backend = new URL(process.env.E2E_BASE_URL!)
  appPort = Number(backend.port)
  workDir = path.resolve('.data', `e2e-varnish-slow-${Date.now().toString(36)}`)
  edge = await startEdge({
    listenPort: await freePort(),
    backendHost: '127.0.0.1',
    backendPort: appPort,
    workDir,
  })
})

test.afterAll(async () => {
  await edge?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

/** A reader's ordinary request for the reference article: its status. */
function readerStatus(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: REFERENCE.path, agent: false }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      })
      .on('error', reject)
  })
}

// `Connection: close`: the server closes the connection once it has answered, so the time to
// the close is the time to the answer.
const comment = (length: number) =>
  `POST /next/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
  `Connection: close\r\nContent-Length: ${length}\r\n\r\n`

/** A JSON body of exactly `length` bytes. */
const padding = (length: number) => `{"pad":"${'a'.repeat(length - 10)}"}`

test('a header over the limits is refused by the app (431) and by the proxy, and both keep serving', async () => {
  const huge = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`
  const app = await rawClient(appPort, (socket) => socket.write(huge)).done
  expect(app.status).toBe(431)
  // Varnish answers a header line over 8 KiB with a 400; over 12 KiB of headers in all it closes
  // the connection (its answer, if any, is lost to the reset). Neither reaches the app.
  const line = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${'a'.repeat(9_000)}\r\n\r\n`
  const proxyLine = await rawClient(edge.port, (socket) => socket.write(line)).done
  expect(proxyLine.status).toBe(400)
  const many = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n${[1, 2, 3].map((n) => `X-Pad-${n}: ${'a'.repeat(7_000)}\r\n`).join('')}\r\n`
  const proxyMany = await rawClient(edge.port, (socket) => socket.write(many)).done
  expect([0, 400]).toContain(proxyMany.status)
  expect(proxyMany.closedAfterMs).toBeLessThan(5_000)
  expect(await readerStatus(appPort)).toBe(200)
  expect(await readerStatus(edge.port)).toBe(200)
})

test('200 connections trickling their headers a byte a second are cut off within the bounds, while a reader is served', async () => {
  test.setTimeout(60_000)
  const opening = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `
  const slow = (port: number) =>
    rawClient(port, (socket) => {
      socket.write(opening)
      trickle(socket, 'a'.repeat(1_000), 1_000)
    })
  const toApp = Array.from({ length: 100 }, () => slow(appPort))
  const toProxy = Array.from({ length: 100 }, () => slow(edge.port))
  // Readers get their page through the proxy and from the app while all 200 are still open.
  for (let round = 0; round < 3; round++) {
    expect(await readerStatus(edge.port)).toBe(200)
    expect(await readerStatus(appPort)).toBe(200)
  }
  expect([...toApp, ...toProxy].filter((client) => client.closed())).toHaveLength(0)
  // The app answers 408 once a request's headers have taken 10 s (checked each second); the
  // proxy closes the connection at 10 s (timeout_idle).
  for (const result of await Promise.all(toApp.map((client) => client.done))) {
    expect(result.status).toBe(408)
    expect(result.closedAfterMs).toBeGreaterThan(9_000)
    expect(result.closedAfterMs).toBeLessThan(15_000)
  }
  for (const result of await Promise.all(toProxy.map((client) => client.done))) {
    expect(result.status).not.toBe(200)
    expect(result.closedAfterMs).toBeGreaterThan(9_000)
    expect(result.closedAfterMs).toBeLessThan(15_000)
  }
  expect(await readerStatus(edge.port)).toBe(200)
})

test('a comment body trickled a byte a second is cut off within seconds, by the app (408) and through the proxy, while readers are served', async () => {
  test.setTimeout(60_000)
  const slow = (port: number) =>
    rawClient(port, (socket) => {
      socket.write(comment(2_000))
      trickle(socket, padding(2_000), 1_000)
    })
  const toApp = Array.from({ length: 25 }, () => slow(appPort))
  const toProxy = Array.from({ length: 25 }, () => slow(edge.port))
  expect(await readerStatus(edge.port)).toBe(200)
  expect(await readerStatus(appPort)).toBe(200)
  // Under 500 bytes a second once the first 10 s are up (checked each second).
  for (const result of await Promise.all(toApp.map((client) => client.done))) {
    expect(result.status).toBe(408)
    expect(result.text).toContain('under 500 bytes a second')
    expect(result.closedAfterMs).toBeGreaterThan(9_000)
    expect(result.closedAfterMs).toBeLessThan(15_000)
  }
  // The proxy streams the body on to the app; when the app stops waiting, the proxy's fetch
  // fails and the client gets the proxy's "back shortly" page, as quickly.
  for (const result of await Promise.all(toProxy.map((client) => client.done))) {
    expect(result.status).toBe(503)
    expect(result.closedAfterMs).toBeGreaterThan(9_000)
    expect(result.closedAfterMs).toBeLessThan(15_000)
  }
  expect(await readerStatus(edge.port)).toBe(200)
})

test('a body sent steadily at a slow link’s pace is read to the end, however long it takes', async () => {
  test.setTimeout(60_000)
  // 2 KB a second for 14 s: past the 10 s grace, above 500 bytes a second.
  const body = padding(28_000)
  const send = (port: number) =>
    rawClient(port, (socket) => {
      socket.write(comment(body.length))
      trickle(socket, body, 500, 1_000)
    })
  for (const result of await Promise.all([send(appPort).done, send(edge.port).done])) {
    // The comment route read it all and answered: the JSON has no article to comment on.
    expect(result.status).toBe(400)
    expect(result.text).not.toContain('stopped waiting')
    expect(result.closedAfterMs).toBeGreaterThan(13_000)
    expect(result.closedAfterMs).toBeLessThan(20_000)
  }
})

test('a body that stops arriving is dropped: after 10 s by the proxy, after 30 s by the app', async () => {
  test.setTimeout(60_000)
  // 20 KB of a 30 KB body, then nothing: fast enough so far, so only the pause counts.
  const stalled = (port: number) =>
    rawClient(port, (socket) => socket.write(comment(30_000) + padding(30_000).slice(0, 20_000)))
  const [app, proxy] = await Promise.all([stalled(appPort).done, stalled(edge.port).done])
  expect(app.status).toBe(408)
  expect(app.text).toContain('nothing more of the request arrived for 30 seconds')
  expect(app.closedAfterMs).toBeGreaterThan(29_000)
  expect(app.closedAfterMs).toBeLessThan(34_000)
  // The proxy gives up reading at 10 s and answers with its "back shortly" page.
  expect(proxy.status).toBe(503)
  expect(proxy.closedAfterMs).toBeGreaterThan(9_000)
  expect(proxy.closedAfterMs).toBeLessThan(14_000)
  expect(await readerStatus(appPort)).toBe(200)
})
