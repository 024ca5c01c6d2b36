import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'

import { articleData, createUser, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'

let draft: Article
let publishedWithDraft: Article
const draftHeadline = `Unpublished scoop ${unique('d')}`
const pendingHeadline = `Pending rewrite ${unique('p')}`

beforeAll(async () => {
  const payload = await testPayload()
  const ids = await seededIds(payload)
  draft = await payload.create({
    collection: 'articles',
    data: articleData(ids, { headline: draftHeadline, _status: 'draft' }),
    draft: true,
  })
  publishedWithDraft = await payload.create({ collection: 'articles', data: articleData(ids) })
  await payload.update({
    collection: 'articles',
    id: publishedWithDraft.id,
    data: { headline: pendingHeadline, _status: 'draft' },
    draft: true,
  })
})

describe('anonymous readers through the Local API (overrideAccess: false)', () => {
  it('never list a draft', async () => {
    const payload = await testPayload()
    const result = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      limit: 500,
      pagination: false,
    })
    expect(result.docs.length).toBeGreaterThan(0)
    expect(result.docs.every((doc) => doc._status === 'published')).toBe(true)
    expect(result.docs.map((doc) => doc.id)).not.toContain(draft.id)
  })

  it('cannot fetch a draft by id, even asking for drafts', async () => {
    const payload = await testPayload()
    await expect(
      payload.findByID({ collection: 'articles', id: draft.id, overrideAccess: false }),
    ).rejects.toThrow()
    await expect(
      payload.findByID({
        collection: 'articles',
        id: draft.id,
        overrideAccess: false,
        draft: true,
      }),
    ).rejects.toThrow()
  })

  it('see the published version, not a newer draft of it', async () => {
    const payload = await testPayload()
    const seen = await payload.findByID({
      collection: 'articles',
      id: publishedWithDraft.id,
      overrideAccess: false,
      draft: true,
    })
    expect(seen.headline).toBe(publishedWithDraft.headline)
    expect(seen.headline).not.toBe(pendingHeadline)
  })

  it('cannot find a draft by querying its status or headline', async () => {
    const payload = await testPayload()
    const byStatus = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { _status: { equals: 'draft' } },
    })
    expect(byStatus.totalDocs).toBe(0)
    const byHeadline = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { headline: { equals: draftHeadline } },
    })
    expect(byHeadline.totalDocs).toBe(0)
  })

  it('cannot read versions', async () => {
    const payload = await testPayload()
    await expect(
      payload.findVersions({ collection: 'articles', overrideAccess: false }),
    ).rejects.toThrow()
  })

  it('cannot create, update or delete articles', async () => {
    const payload = await testPayload()
    const ids = await seededIds(payload)
    await expect(
      payload.create({ collection: 'articles', data: articleData(ids), overrideAccess: false }),
    ).rejects.toThrow()
    await expect(
      payload.update({
        collection: 'articles',
        id: publishedWithDraft.id,
        data: { headline: 'Defaced' },
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'articles', id: publishedWithDraft.id, overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('logged-in newsroom users', () => {
  it('see drafts', async () => {
    const payload = await testPayload()
    const editor = await createUser(payload, 'editor')
    const seen = await payload.findByID({
      collection: 'articles',
      id: draft.id,
      overrideAccess: false,
      user: editor,
      draft: true,
    })
    expect(seen.headline).toBe(draftHeadline)
  })
})
