import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { articleData, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'

let ids: { deskId: number; authorId: number }

beforeAll(async () => {
  ids = await seededIds(await testPayload())
})

describe('article slugs', () => {
  it('derives the slug from the headline', async () => {
    const payload = await testPayload()
    const headline = `Markets Rally After “Surprise” Rate Cut ${unique('x')}`
    const article = await payload.create({
      collection: 'articles',
      data: articleData(ids, { headline }),
    })
    expect(article.slug).toMatch(/^markets-rally-after-surprise-rate-cut-/)
  })

  it('gives a derived slug that is taken the next free number', async () => {
    const payload = await testPayload()
    const headline = `Same headline ${unique('same')}`
    const first = await payload.create({
      collection: 'articles',
      data: articleData(ids, { headline }),
    })
    const second = await payload.create({
      collection: 'articles',
      data: articleData(ids, { headline }),
    })
    expect(second.slug).toBe(`${first.slug}-2`)
  })

  it('refuses an editor-typed slug that another article has', async () => {
    const payload = await testPayload()
    const slug = unique('taken')
    await payload.create({ collection: 'articles', data: articleData(ids, { slug }) })
    const attempt = payload.create({ collection: 'articles', data: articleData(ids, { slug }) })
    await expect(attempt).rejects.toBeInstanceOf(ValidationError)
    await expect(attempt).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'slug' })] },
    })
    expect(
      (await payload.count({ collection: 'articles', where: { slug: { equals: slug } } }))
        .totalDocs,
    ).toBe(1)
  })

  it('refuses a slug a URL cannot carry', async () => {
    const payload = await testPayload()
    const attempt = payload.create({
      collection: 'articles',
      data: articleData(ids, { slug: '../Etc Passwd' }),
    })
    await expect(attempt).rejects.toMatchObject({
      data: {
        errors: [
          expect.objectContaining({
            path: 'slug',
            message: expect.stringMatching(/lower-case letters, digits and single hyphens/),
          }),
        ],
      },
    })
  })
})

describe('article sections', () => {
  it('gives every section a unique, stable anchor', async () => {
    const payload = await testPayload()
    const article = await payload.create({
      collection: 'articles',
      // A draft: published, the checklist would refuse the empty, duplicate sections.
      data: articleData(ids, {
        _status: 'draft',
        body: [{ heading: 'Background' }, { heading: 'Background' }, { heading: 'What’s next?' }],
      }),
      draft: true,
    })
    expect(article.body.map((section) => section.anchor)).toEqual([
      'background',
      'background-2',
      'whats-next',
    ])
    const edited = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { body: [...article.body, { heading: 'Reaction' }] },
      draft: true,
    })
    expect(edited.body.map((section) => section.anchor)).toEqual([
      'background',
      'background-2',
      'whats-next',
      'reaction',
    ])
  })

  it('sets the publication date on first publish and keeps it after', async () => {
    const payload = await testPayload()
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(ids, { _status: 'draft' }),
      draft: true,
    })
    expect(draft.publishedAt ?? null).toBeNull()
    const published = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published' },
    })
    expect(published.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const edited = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { dek: 'Edited summary.' },
    })
    expect(edited.publishedAt).toBe(published.publishedAt)
  })
})
