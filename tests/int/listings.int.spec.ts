import { describe, expect, it } from 'vitest'

import type { RequiredDataFromCollectionSlug } from 'payload'

import { asCandidate, findRelatedArticles } from '@/queries/listings'

import { articleData, createDesk, createTopic, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'

async function tag(name: string) {
  return createTopic(await testPayload(), { name: unique(name) })
}

describe('related articles on real data', () => {
  it('rank shared topics first, then the desk, newest first, and never include drafts', async () => {
    const payload = await testPayload()
    const ids = await seededIds(payload)
    const [chips, trade] = await Promise.all([tag('chips'), tag('trade')])
    const world = (
      await payload.find({ collection: 'sections', where: { slug: { equals: 'world' } } })
    ).docs[0]!
    const publish = (
      headline: string,
      extra: Partial<RequiredDataFromCollectionSlug<'articles'>>,
      daysAgo: number,
    ) =>
      payload.create({
        collection: 'articles',
        data: articleData(ids, {
          headline: `${headline} ${unique('r')}`,
          publishedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
          ...extra,
        }),
      })
    const subject = await publish('Subject', { tags: [chips.id, trade.id] }, 0)
    const bothTags = await publish(
      'Both topics',
      { section: world.id, tags: [chips.id, trade.id] },
      30,
    )
    const oneTagSameDesk = await publish('One topic, same desk', { tags: [trade.id] }, 20)
    const oneTag = await publish(
      'One topic, other desk',
      { section: world.id, tags: [chips.id] },
      1,
    )
    await payload.create({
      collection: 'articles',
      data: articleData(ids, {
        headline: `Draft with both ${unique('d')}`,
        tags: [chips.id, trade.id],
        _status: 'draft',
      }),
      draft: true,
    })

    const related = await findRelatedArticles(asCandidate(subject))
    const order = related.map((article) => article.id)
    expect(order.slice(0, 3)).toEqual([bothTags.id, oneTagSameDesk.id, oneTag.id])
    expect(order).not.toContain(subject.id)
    expect(related.every((article) => !article.headline.startsWith('Draft with both'))).toBe(true)
    expect(related.length).toBeLessThanOrEqual(5)
  })
})

describe('sections', () => {
  it('refuse a slug the site uses for its own pages', async () => {
    const payload = await testPayload()
    await expect(createDesk(payload, { name: 'Search' })).rejects.toThrow(/used by the site itself/)
    await expect(createDesk(payload, { name: 'Topics', slug: 'tags' })).rejects.toThrow(
      /used by the site itself/,
    )
  })
})
