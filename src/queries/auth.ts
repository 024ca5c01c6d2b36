import { headers } from 'next/headers'
import type { TypedUser } from 'payload'

import { payloadClient } from './payload'

/** The logged-in newsroom user behind a preview request, if any (reads the Payload cookie). */
export async function getPreviewUser(): Promise<TypedUser | null> {
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return user ?? null
}
