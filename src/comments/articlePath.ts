import type { Payload } from 'payload'

import { articlePath } from '@/lib/articlePath'

/** A published article's public path, as an anonymous reader may see it. */
export async function articlePathOf(payload: Payload, articleId: number): Promise<string | null> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { equals: articleId } },
    select: { slug: true, section: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return docs[0] ? articlePath(docs[0], payload) : null
}
