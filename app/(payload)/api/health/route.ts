/*
 * Liveness: the process answers. No database, no Payload (this file must never import either),
 * so a database outage never makes an orchestrator restart healthy processes. This route wins
 * over Payload's /api/[...slug] catch-all because a named segment beats a catch-all in Next.
 */
export const dynamic = 'force-dynamic'

export function GET(): Response {
  return Response.json(
    { status: 'ok', uptimeSeconds: Math.round(process.uptime()) },
    { headers: { 'cache-control': 'no-store' } },
  )
}
