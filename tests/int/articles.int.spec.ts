import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { plainTextToLexical } from '@/seed/lexical'

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

  it('an anchor follows its heading until the article is first published, then stays', async () => {
    const payload = await testPayload()
    // Autosave stores the new section before its heading is typed.
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(ids, { _status: 'draft', body: [{ heading: '' }, { heading: '' }] }),
      draft: true,
    })
    expect(draft.body.map((section) => section.anchor)).toEqual(['section', 'section-2'])
    // Each save sends back the anchors the form was given (or typed), with the headings as typed.
    let body = draft.body
    const save = async (headings: string[], { anchors = [] as string[], publish = false } = {}) => {
      const saved = await payload.update({
        collection: 'articles',
        id: draft.id,
        data: {
          ...(publish ? { _status: 'published' as const } : {}),
          body: body.map((section, index) => ({
            ...section,
            heading: headings[index]!,
            anchor: anchors[index] ?? section.anchor,
            content: plainTextToLexical('Text.'),
          })),
        },
        draft: !publish,
      })
      body = saved.body
      return body.map((section) => section.anchor)
    }
    expect(await save(['What the council decided', 'Reaction'])).toEqual([
      'what-the-council-decided',
      'reaction',
    ])
    // A hand-written anchor is the editor's: it stays while the heading changes.
    expect(
      await save(['What the council voted for', 'Reaction'], {
        anchors: ['what-the-council-decided', 'responses'],
      }),
    ).toEqual(['what-the-council-voted-for', 'responses'])
    expect(await save(['What the council approved', 'Responses'], { publish: true })).toEqual([
      'what-the-council-approved',
      'responses',
    ])
    // Published: links to #what-the-council-approved are out there now.
    expect(await save(['What the council approved, and why', 'Responses'])).toEqual([
      'what-the-council-approved',
      'responses',
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
