import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_BREAKING_HOURS } from '@/content/breaking'
import { purgeKeys, surrogateKeys } from '@/edge/keys'
import type { Article } from '@/payload-types'
import { foundNothing } from '@/lib/cacheHandler.mjs'
import { readBreakingStory } from '@/queries/breaking'
import type { Invalidation } from '@/revalidation/invalidate'

import { articleData, seededIds } from '../support/factories'
import { testPayload } from '../support/payload'

let payload: Payload
let ids: Awaited<ReturnType<typeof seededIds>>

beforeAll(async () => {
  payload = await testPayload()
  ids = await seededIds(payload)
})

const HOURS = DEFAULT_BREAKING_HOURS * 3600_000

function publish(overrides: Parameters<typeof articleData>[1] = {}, context = {}) {
  return payload.create({ collection: 'articles', data: articleData(ids, overrides), context })
}

/** The expiry jobs queued for one article, soonest first. */
async function expiryJobs(article: Article) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: 'expireBreaking' } }, { completedAt: { exists: false } }],
    },
    sort: 'waitUntil',
    limit: 100,
    overrideAccess: true,
  })
  return docs.filter((job) => (job.input as { article?: number })?.article === article.id)
}

describe('breaking stories', () => {
  it('a story published as breaking without a time stays breaking for three hours from publication', async () => {
    const article = await publish({ breaking: true })
    expect(new Date(article.breakingUntil!).getTime()).toBe(
      new Date(article.publishedAt!).getTime() + HOURS,
    )
  })

  it('a year-old story marked breaking (as the demo’s) has its time long past, and no job', async () => {
    const publishedAt = '2025-12-05T09:00:00.000Z'
    const article = await publish({ breaking: true, publishedAt })
    expect(article.breakingUntil).toBe('2025-12-05T12:00:00.000Z')
    expect(await expiryJobs(article)).toEqual([])
  })

  it('ticking Breaking on a story already live counts the three hours from now', async () => {
    const article = await publish({ publishedAt: '2025-06-01T08:00:00.000Z' })
    const before = Date.now()
    const marked = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { breaking: true },
    })
    expect(new Date(marked.breakingUntil!).getTime()).toBeGreaterThanOrEqual(before + HOURS)
  })

  it('refuses ticking Breaking with a time already past, and lets a breaking story end now', async () => {
    const past = new Date(Date.now() - 60_000).toISOString()
    await expect(publish({ breaking: true, breakingUntil: past })).rejects.toThrow(
      /“Breaking until” has already passed/,
    )
    const article = await publish({ breaking: true })
    const ended = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { breakingUntil: past },
    })
    expect(ended.breakingUntil).toBe(past)
  })

  it('unticking Breaking clears the time, so ticking it again starts afresh', async () => {
    const article = await publish({ breaking: true })
    const cleared = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { breaking: false },
    })
    expect(cleared.breakingUntil).toBeNull()
  })

  it('queues the end of the banner for its time; a time moved earlier gets a job of its own', async () => {
    const until = new Date(Date.now() + 2 * 3600_000).toISOString()
    const article = await publish({ breaking: true, breakingUntil: until })
    expect((await expiryJobs(article)).map((job) => job.waitUntil)).toEqual([until])
    const earlier = new Date(Date.now() + 3600_000).toISOString()
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { breakingUntil: earlier },
    })
    expect((await expiryJobs(article)).map((job) => job.waitUntil)).toEqual([earlier, until])
  })

  it('a time moved later: the job queued for the old time queues itself again for the new one', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString()
    const article = await publish({ breaking: true, breakingUntil: until })
    const later = new Date(Date.now() + 5 * 3600_000).toISOString()
    await payload.update({ collection: 'articles', id: article.id, data: { breakingUntil: later } })
    const [job] = await expiryJobs(article)
    expect(job?.waitUntil).toBe(until)
    const invalidations: Invalidation[] = []
    await payload.jobs.runByID({
      id: job!.id,
      req: await createLocalReq({ context: { invalidations } }, payload),
    })
    expect((await expiryJobs(article)).map((next) => next.waitUntil)).toEqual([later])
    // Still breaking: nothing on the site changes yet.
    expect(invalidations).toEqual([])
  })

  it('when the time comes, the job takes the banner off every page and the label off the story', async () => {
    const until = new Date(Date.now() + 1500).toISOString()
    const article = await publish({ breaking: true, breakingUntil: until })
    const [job] = await expiryJobs(article)
    await expect.poll(() => Date.now(), { timeout: 5000 }).toBeGreaterThan(Date.parse(until))
    const invalidations: Invalidation[] = []
    await payload.jobs.runByID({
      id: job!.id,
      req: await createLocalReq({ context: { invalidations } }, payload),
    })
    expect(invalidations).toHaveLength(1)
    const { soft, hard } = purgeKeys(invalidations[0]!)
    // Hard: no cached page shows the banner once more.
    for (const page of ['/', '/technology', '/world/some-story', '/tags/x', '/authors/y']) {
      expect(
        surrogateKeys(page)!.some((key) => hard.includes(key)),
        page,
      ).toBe(true)
    }
    expect(soft).toEqual(expect.arrayContaining(['article-lists', `path:/technology`]))
    expect(soft.some((key) => key.startsWith('article-page:/technology/'))).toBe(true)
    expect(await expiryJobs(article)).toEqual([])
  })

  it('the job is harmless when the story was cleared meanwhile', async () => {
    const article = await publish({
      breaking: true,
      breakingUntil: new Date(Date.now() + 3600_000).toISOString(),
    })
    const [job] = await expiryJobs(article)
    await payload.update({ collection: 'articles', id: article.id, data: { breaking: false } })
    const invalidations: Invalidation[] = []
    await payload.jobs.runByID({
      id: job!.id,
      req: await createLocalReq({ context: { invalidations } }, payload),
    })
    expect(invalidations).toEqual([])
    expect(await expiryJobs(article)).toEqual([])
  })

  it('clearing Breaking takes the banner off every page at once; marking it puts it on', async () => {
    const marked: Invalidation[] = []
    const article = await publish({ breaking: true }, { invalidations: marked })
    expect(marked.flatMap((i) => i.cacheTags)).toContain('breaking')
    const cleared: Invalidation[] = []
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { breaking: false },
      context: { invalidations: cleared },
    })
    expect(cleared.flatMap((i) => i.expireNow ?? [])).toContain('breaking')
  })
})

describe('the breaking banner’s lookup', () => {
  // The cache handler keeps no new lookup that found nothing, so a bare null would be read
  // again for every page the layout renders: the lookup of "no story is breaking" must be kept.
  it('is kept by the cache when no story is breaking, as when one is', async () => {
    const farFuture = new Date('2999-01-01T00:00:00Z')
    const none = await readBreakingStory(payload, farFuture)
    expect(none.story).toBeNull()
    expect(foundNothing({ kind: 'FETCH', data: { body: JSON.stringify(none) } })).toBe(false)
    // What the handler does refuse: a lookup that was a bare null.
    expect(foundNothing({ kind: 'FETCH', data: { body: JSON.stringify(null) } })).toBe(true)
  })
})
