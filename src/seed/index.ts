import type { CollectionSlug, Payload, Where } from 'payload'

import { demoComments } from '@/seed/data/demoComments'
import { demoContent } from '@/seed/data/demoContent'
import type { ContentSet } from '@/content/types'
import { drawHeroImage } from '@/seed/heroImage'
import { plainTextToLexical, toLexical } from '@/seed/lexical'

/**
 * Creates whatever of the demo content is missing, matched by slug (or title,
 * question), and leaves what exists alone: running it twice changes nothing,
 * and it never overwrites an editor's changes.
 */
const context = { disableRevalidate: true }

async function findOrCreate(
  payload: Payload,
  collection: CollectionSlug,
  where: Where,
  create: () => Promise<Record<string, unknown>>,
): Promise<{ id: number; created: boolean }> {
  const existing = await payload.find({
    collection,
    where,
    limit: 1,
    depth: 0,
    draft: true,
    pagination: false,
  })
  const found = existing.docs[0] as { id: number } | undefined
  if (found) return { id: found.id, created: false }
  const data = await create()
  const doc = await payload.create({ collection, data: data as never, context, depth: 0 })
  return { id: (doc as { id: number }).id, created: true }
}

export async function seedDemoContent(payload: Payload, content: ContentSet = demoContent) {
  let created = 0
  const count = (result: { id: number; created: boolean }) => {
    if (result.created) created += 1
    return result.id
  }

  const deskIds = new Map<string, number>()
  for (const section of content.sections) {
    deskIds.set(
      section.slug,
      count(
        await findOrCreate(payload, 'sections', { slug: { equals: section.slug } }, async () => ({
          ...section,
        })),
      ),
    )
  }
  const tagIds = new Map<string, number>()
  for (const tag of content.tags) {
    tagIds.set(
      tag.slug,
      count(
        await findOrCreate(payload, 'tags', { slug: { equals: tag.slug } }, async () => ({
          ...tag,
        })),
      ),
    )
  }
  const authorIds = new Map<string, number>()
  for (const author of content.authors) {
    authorIds.set(
      author.slug,
      count(
        await findOrCreate(payload, 'authors', { slug: { equals: author.slug } }, async () => ({
          ...author,
        })),
      ),
    )
  }
  const tableIds = new Map<string, number>()
  for (const table of content.tables) {
    tableIds.set(
      table.key,
      count(
        await findOrCreate(
          payload,
          'comparison-tables',
          { title: { equals: table.title } },
          async () => ({
            title: table.title,
            caption: table.caption,
            columns: table.columns,
            rows: table.rows.map((cells) => ({ cells: cells.map((value) => ({ value })) })),
            sourceNote: table.sourceNote,
            asOf: table.asOf,
          }),
        ),
      ),
    )
  }
  const faqIds = new Map<string, number>()
  for (const faq of content.faqs) {
    faqIds.set(
      faq.key,
      count(
        await findOrCreate(payload, 'faqs', { question: { equals: faq.question } }, async () => ({
          question: faq.question,
          answer: plainTextToLexical(faq.answer),
        })),
      ),
    )
  }

  for (const article of content.articles) {
    count(
      await findOrCreate(payload, 'articles', { slug: { equals: article.slug } }, async () => {
        let heroImage: number | undefined
        if (article.hero) {
          const data = await drawHeroImage(article.hero.palette)
          const media = await payload.create({
            collection: 'media',
            data: {
              alt: article.hero.alt,
              caption: article.hero.caption,
              credit: article.hero.credit,
            },
            file: { data, mimetype: 'image/png', name: `${article.slug}.png`, size: data.length },
            context,
          })
          heroImage = media.id
        }
        const need = (map: Map<string, number>, key: string) => {
          const id = map.get(key)
          if (id === undefined)
            throw new Error(`Article "${article.slug}" refers to unknown "${key}"`)
          return id
        }
        return {
          headline: article.headline,
          slug: article.slug,
          dek: article.dek,
          breaking: article.breaking ?? false,
          section: need(deskIds, article.section),
          authors: article.authors.map((slug) => need(authorIds, slug)),
          tags: article.tags.map((slug) => need(tagIds, slug)),
          publishedAt: article.publishedAt,
          modifiedAt: article.updatedAt,
          heroImage,
          _status: 'published',
          // The reference article keeps its flaws on purpose; the override is recorded on it.
          publishOverrideReason:
            'Demo content, published as it was received so the publish checklist has real findings to show.',
          body: article.sections.map((section) => ({
            heading: section.heading,
            keywordFocus: section.keywordFocus ?? [],
            content: toLexical(section.blocks, { tables: tableIds, faqs: faqIds }),
          })),
        }
      }),
    )
  }

  created += await seedDemoComments(payload)
  const admin = await seedAdminUser(payload)
  payload.logger.info(`Seed: ${created} document(s) created${admin ? `, user ${admin}` : ''}.`)
  return { created }
}

/** The demo discussion, only under an article that has no comments yet. */
async function seedDemoComments(payload: Payload): Promise<number> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: demoComments.article } },
    depth: 0,
    limit: 1,
    pagination: false,
  })
  const article = docs[0]
  if (!article) return 0
  const existing = await payload.count({
    collection: 'comments',
    where: { article: { equals: article.id } },
  })
  if (existing.totalDocs > 0) return 0
  let created = 0
  const quiet = { ...context, disableNotifications: true }
  for (const { replies = [], name, ...comment } of demoComments.comments) {
    const parent = await payload.create({
      collection: 'comments',
      data: { article: article.id, authorName: name, ...comment, trust: 'verified' },
      context: quiet,
      depth: 0,
    })
    created += 1
    for (const { name: replyName, ...reply } of replies) {
      await payload.create({
        collection: 'comments',
        data: {
          article: article.id,
          parent: parent.id,
          authorName: replyName,
          ...reply,
          trust: 'verified',
        },
        context: quiet,
        depth: 0,
      })
      created += 1
    }
  }
  return created
}

/** Optional: SEED_ADMIN_EMAIL + SEED_ADMIN_PASSWORD create a first login (otherwise /admin asks for one). */
async function seedAdminUser(payload: Payload): Promise<string | null> {
  const email = process.env.SEED_ADMIN_EMAIL
  const password = process.env.SEED_ADMIN_PASSWORD
  if (!email || !password) return null
  const existing = await payload.count({ collection: 'users', where: { email: { equals: email } } })
  if (existing.totalDocs > 0) return null
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Editor', role: 'admin' },
    context,
  })
  return email
}
