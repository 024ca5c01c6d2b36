import { payloadClient } from '@/queries/payload'

export const dynamic = 'force-dynamic'

/**
 * Starts Payload with its job runner (scheduled publishing) if nothing has yet.
 * `npm start` calls it as soon as the server is up.
 */
export async function GET() {
  await payloadClient()
  return Response.json({ jobs: 'running' }, { headers: { 'cache-control': 'no-store' } })
}
