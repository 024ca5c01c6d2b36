import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'

import { getPreviewUser } from '@/queries/auth'

const query = z.object({
  path: z
    .string()
    .max(300)
    .regex(
      /^\/$|^\/[a-z0-9-]+\/[a-z0-9-]+$/,
      'path must be the home page (/) or an article path such as /technology/my-article',
    ),
})

/** Turns on draft mode for a logged-in newsroom user and sends them to the article (or the home page). */
export async function GET(request: Request): Promise<Response> {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) {
    return new Response(`Bad preview link: ${parsed.error.issues[0]?.message}`, { status: 400 })
  }
  const user = await getPreviewUser()
  if (!user) {
    return new Response('Log in to the admin (/admin) to preview drafts.', { status: 401 })
  }
  ;(await draftMode()).enable()
  redirect(parsed.data.path)
}
