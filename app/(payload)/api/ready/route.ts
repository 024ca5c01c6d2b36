/* Readiness for orchestrators and proxies (src/operations/readiness.ts): 200 ready, 503 with a reason. */
import { readiness } from '@/operations/readiness'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const answer = await readiness()
  return Response.json(answer, {
    status: answer.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  })
}
