import { issueChallenge } from '@/comments/proofOfWork'

/** A fresh proof-of-work challenge for the ALTCHA widget. Never cached. */
export async function GET(): Promise<Response> {
  return Response.json(await issueChallenge(), { headers: { 'cache-control': 'no-store' } })
}
