import type { Payload } from 'payload'

import { urls } from '@/lib/urls'

/** A published article's public path, as an anonymous reader may see it. */
export async function articlePathOf(payload: Payload, articleId: number): Promise<string | null> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { equals: articleId } },
    select: { slug: true, section: true },
    populate: { sections: { slug: true } },
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return docs[0] ? urls.article(docs[0]) : null
}
