import type http from 'node:http'
import net from 'node:net'
import type { Duplex } from 'node:stream'

import { lifecycle } from '@/operations/processState'

import type { Logger } from 'pino'

/**
 * Graceful shutdown of the app's server, in the order a proxy and an orchestrator need:
 *
 * 1. readiness answers 503 at once (src/operations/readiness.ts) and every response from now
 *    on carries `Connection: close`, so each keep-alive connection ends cleanly after its
 *    current or next request;
 * 2. after SHUTDOWN_DRAIN_SECONDS (default 0; for orchestrators that take a moment to stop
 *    routing here) the listening socket closes: no new connections;
 * 3. requests in flight are answered; an idle keep-alive connection ends when its keep-alive
 *    time runs out (the 5 s Node announces in `Keep-Alive: timeout=5`, so clients stop
 *    reusing it first) — closing it at once would race a client already reusing it and
 *    answer that request with a reset;
 * 4. the scheduled-jobs runner takes no new run, and a run in progress finishes;
 * 5. Payload's database pool closes; the process exits 0.
 *
 * Whatever is still open after SHUTDOWN_TIMEOUT_SECONDS (default 25, under the 30 s an
 * orchestrator usually waits before SIGKILL) is cut, the pool closed, and the process exits 1.
 */
export interface ShutdownOptions {
  timeoutMs: number
  drainMs: number
  log: Logger
}

interface Cron {
  stop: () => void
  isBusy: () => boolean
}
interface PayloadLike {
  crons: Cron[]
  destroy: () => Promise<void>
}

/** Payload's cached instances (getPayload keeps them on globalThis._payload), if initialised. */
function payloadInstances(): PayloadLike[] {
  const cache = (globalThis as { _payload?: Map<string, { payload: PayloadLike | null }> })._payload
  return cache ? [...cache.values()].flatMap((entry) => (entry.payload ? [entry.payload] : [])) : []
}

const poll = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(condition: () => boolean, deadline: number): Promise<boolean> {
  while (!condition()) {
    if (Date.now() >= deadline) return false
    await poll(50)
  }
  return true
}

export function trackConnections(server: http.Server) {
  let inFlight = 0
  const upgraded = new Set<Duplex>()
  server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    inFlight += 1
    if (lifecycle().shuttingDown) response.setHeader('connection', 'close')
    response.once('close', () => (inFlight -= 1))
  })
  // The dev server's hot-reload websockets are not requests; they are cut at shutdown.
  server.on('upgrade', (_request: http.IncomingMessage, socket: Duplex) => {
    upgraded.add(socket)
    socket.once('close', () => upgraded.delete(socket))
  })
  return { inFlight: () => inFlight, upgraded }
}

export function installShutdown(
  server: http.Server,
  tracked: ReturnType<typeof trackConnections>,
  { timeoutMs, drainMs, log }: ShutdownOptions,
): void {
  let started = false
  const shutdown = async (signal: string) => {
    if (started) return
    started = true
    const begin = Date.now()
    const deadline = begin + timeoutMs
    // The bound holds even if closing the pool hangs (a database that vanished mid-query).
    setTimeout(() => {
      log.error(`Shutdown did not finish within ${timeoutMs / 1000} s (+5 s): exiting`)
      process.exit(1)
    }, timeoutMs + 5000).unref()
    lifecycle().shuttingDown = true
    log.info({ signal, inFlight: tracked.inFlight() }, 'Shutting down: not ready any more')
    const payloads = payloadInstances()
    const crons = payloads.flatMap((payload) => payload.crons)
    for (const cron of crons) cron.stop()

    if (drainMs > 0) await poll(Math.min(drainMs, timeoutMs))
    for (const socket of tracked.upgraded) socket.destroy()
    // net.Server's close, not http.Server's: the latter also drops idle keep-alive connections
    // at once (see step 3 above).
    const closed = new Promise<void>((resolve) =>
      net.Server.prototype.close.call(server, () => resolve()),
    )
    const timedOut = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())).unref(),
    )
    const jobsDone = until(() => !crons.some((cron) => cron.isBusy()), deadline)
    const outcome = await Promise.race([Promise.all([closed, jobsDone]), timedOut])
    let code = 0
    if (outcome === 'timeout') {
      code = 1
      log.warn(
        { inFlight: tracked.inFlight(), jobsRunning: crons.some((cron) => cron.isBusy()) },
        `Shutdown took longer than ${timeoutMs / 1000} s: cutting what is left`,
      )
      server.closeAllConnections()
    }
    for (const payload of payloadInstances()) {
      await payload.destroy().catch((error) => log.error({ err: error }, 'Closing the pool'))
    }
    log.info({ ms: Date.now() - begin }, 'Shut down')
    process.exit(code)
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(signal))
  }
}
