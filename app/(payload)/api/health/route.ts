import { lifecycle } from '@/operations/processState'

/*
 * Liveness: the process answers. No database, no Payload (this file must never import either),
 * so a database outage never makes an orchestrator restart healthy processes, and the proxy's
 * probe (deploy/varnish/default.vcl) keeps a replica in rotation while it serves from its cache.
 * Once the process is shutting down (SIGTERM) it answers 503, so the proxy stops sending it
 * readers during SHUTDOWN_DRAIN_SECONDS, before its port closes. This route wins over Payload's
 * /api/[...slug] catch-all because a named segment beats a catch-all in Next.
 */
export const dynamic = 'force-dynamic'

export function GET(): Response {
  const stopping = lifecycle().shuttingDown
  return Response.json(
    { status: stopping ? 'shutting down' : 'ok', uptimeSeconds: Math.round(process.uptime()) },
    { status: stopping ? 503 : 200, headers: { 'cache-control': 'no-store' } },
  )
}
