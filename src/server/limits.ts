/**
 * How long and how large a request may be, for the app's own HTTP server (the proxy has its
 * own, tighter ones: EDGE_LIMITS in src/edge/varnish.ts). Clients that send slowly cost the app
 * a socket each, never a thread, but each still holds memory and, behind the proxy, a proxy
 * worker; so every phase of a request has a bound:
 *
 * - headers: at most 16 KiB (Node's default, kept on purpose: the proxy refuses anything over
 *   12 KiB first) → 431; all of them within 10 s of the request's first byte → 408. An idle
 *   keep-alive connection is not a request yet: it is closed after 5 s (keepAliveTimeout, Node's
 *   default, announced as `Keep-Alive: timeout=5`), longer than the proxy keeps an unused
 *   connection to the app (backend_idle_timeout, 3 s), so the app never closes a connection just
 *   as the proxy reuses it; and short enough that a shutdown (./shutdown.ts), which lets idle
 *   connections run out rather than racing a client reusing one, ends well within its bound.
 * - bodies: bounded by how they arrive, not by how long they take, so a 20 MB image on a slow
 *   link still uploads: 408 once nothing has arrived for 30 s, or once the body has averaged
 *   under 500 bytes a second after its first 10 s (Apache mod_reqtimeout's MinRate rule, which
 *   a 1-byte-a-second slowloris never meets and a 4 kbit/s link always does). A body the app
 *   itself has not read yet (its buffer is full) is never held against the client.
 * - a backstop of an hour for a whole request (20 MB in an hour is 45 kbit/s).
 */
import type http from 'node:http'
import type { Socket } from 'node:net'

export const SERVER_OPTIONS = {
  maxHeaderSize: 16 * 1024,
  headersTimeout: 10_000,
  requestTimeout: 3_600_000,
  keepAliveTimeout: 5_000,
  // How often Node looks for expired header and request timers (its default is 30 s, which
  // would let a slow header hold a socket for up to 40 s instead of 10).
  connectionsCheckingInterval: 1_000,
} satisfies http.ServerOptions

export const BODY_LIMITS = { idleMs: 30_000, graceMs: 10_000, minBytesPerSecond: 500 }

interface Receiving {
  response: http.ServerResponse
  started: number
  startBytes: number
  lastBytes: number
  lastProgress: number
}

function hasBody(request: http.IncomingMessage): boolean {
  const length = Number(request.headers['content-length'] ?? 0)
  return request.headers['transfer-encoding'] !== undefined || length > 0
}

/** Why this body is cut off now, or null while it arrives within the bounds. */
export function slowBodyReason(
  state: Pick<Receiving, 'started' | 'startBytes' | 'lastBytes' | 'lastProgress'>,
  now: number,
  limits = BODY_LIMITS,
): string | null {
  if (now - state.lastProgress >= limits.idleMs) {
    return `nothing more of the request arrived for ${limits.idleMs / 1000} seconds`
  }
  const counted = now - state.started - limits.graceMs
  const received = state.lastBytes - state.startBytes
  if (counted > 0 && received < (counted / 1000) * limits.minBytesPerSecond) {
    return `the request arrived at under ${limits.minBytesPerSecond} bytes a second`
  }
  return null
}

function refuse(request: http.IncomingMessage, state: Receiving, reason: string) {
  const { response } = state
  const socket = request.socket
  // Whatever is still on its way is not read: the connection ends after the answer.
  const close = () => socket.destroy()
  setTimeout(close, 2_000).unref()
  if (response.headersSent) return close()
  response.writeHead(408, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
  response.end(`The server stopped waiting: ${reason}. Please send it again.\n`, close)
}

/**
 * Watches the bodies of requests in progress, once a second, and answers a body that arrives
 * too slowly with a 408 (see the module's comment). Returns what to call for each request.
 */
export function boundSlowBodies(limits = BODY_LIMITS) {
  const receiving = new Map<http.IncomingMessage, Receiving>()
  const timer = setInterval(() => {
    const now = Date.now()
    for (const [request, state] of receiving) {
      if (request.complete || request.socket.destroyed) {
        receiving.delete(request)
        continue
      }
      const read = request.socket.bytesRead
      // The app not reading (the request's buffer is full) is not the client's slowness.
      const appBehind = request.readableLength >= request.readableHighWaterMark
      if (read > state.lastBytes || appBehind) {
        state.lastBytes = read
        state.lastProgress = now
      }
      // …and the rate is measured afresh from when it reads again.
      if (appBehind) Object.assign(state, { started: now, startBytes: read })
      const reason = slowBodyReason(state, now, limits)
      if (reason) {
        receiving.delete(request)
        refuse(request, state, reason)
      }
    }
  }, 1_000)
  timer.unref()
  // Where on each connection the previous request ended (bytes read), so that a body's first
  // bytes, read together with its headers, count as received.
  const previousEnd = new WeakMap<Socket, number>()
  return (request: http.IncomingMessage, response: http.ServerResponse) => {
    const socket = request.socket
    response.once('finish', () => previousEnd.set(socket, socket.bytesRead))
    if (!hasBody(request)) return
    const now = Date.now()
    const startBytes = (previousEnd.get(socket) ?? 0) + headerBytes(request)
    receiving.set(request, {
      response,
      started: now,
      startBytes,
      lastBytes: socket.bytesRead,
      lastProgress: now,
    })
  }
}

/** About how many bytes the request line and headers took on the wire. */
function headerBytes(request: http.IncomingMessage): number {
  const line = `${request.method} ${request.url} HTTP/${request.httpVersion}\r\n`.length
  return request.rawHeaders.reduce((sum, part) => sum + part.length + 2, line + 2)
}
