import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'

import { searchArticles } from '@/queries/search'
import { plainTextToLexical, toLexical } from '@/seed/lexical'

import { articleData, createDesk, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'

// Made-up words, so only this test's articles can match them.
const word = `zebrafinch${Date.now().toString(36)}`
const faqWord = `quokkalution${Date.now().toString(36)}`
const draftWord = `embargoed${Date.now().toString(36)}`
let inHeadline: number
let inBody: number
let withFaq: number

/** Published articles with one "Report" section each, holding these texts; their ids, in order. */
async function publishReports(texts: string[]): Promise<number[]> {
  const payload = await testPayload()
  const ids = await seededIds(payload)
  return Promise.all(
    texts.map(
      async (text) =>
        (
          await payload.create({
            collection: 'articles',
            data: articleData(ids, {
              body: [{ heading: 'Report', content: plainTextToLexical(text) }],
            }),
          })
        ).id,
    ),
  )
}

beforeAll(async () => {
  const payload = await testPayload()
  const ids = await seededIds(payload)
  // The body match is newer, so only ranking can put the headline first.
  inBody = (
    await payload.create({
      collection: 'articles',
      data: articleData(ids, {
        headline: `A plain headline ${unique('b')}`,
        body: [{ heading: 'Details', content: plainTextToLexical(`Deep in the text: ${word}.`) }],
        publishedAt: new Date().toISOString(),
      }),
    })
  ).id
  inHeadline = (
    await payload.create({
      collection: 'articles',
      data: articleData(ids, {
        headline: `The ${word} question ${unique('h')}`,
        publishedAt: new Date(Date.now() - 86_400_000).toISOString(),
      }),
    })
  ).id
  const faq = await payload.create({
    collection: 'faqs',
    data: {
      question: `Why ask ${unique('q')}?`,
      answer: plainTextToLexical(`Because of ${faqWord}.`),
    },
  })
  withFaq = (
    await payload.create({
      collection: 'articles',
      data: articleData(ids, {
        headline: `Questions answered ${unique('f')}`,
        body: [
          {
            heading: 'Frequently asked',
            content: toLexical([{ type: 'faq', faqs: ['x'] }], {
              tables: new Map(),
              faqs: new Map([['x', faq.id]]),
            }),
          },
        ],
      }),
    })
  ).id
  await payload.create({
    collection: 'articles',
    data: articleData(ids, { headline: `Secret ${draftWord} ${unique('d')}`, _status: 'draft' }),
    draft: true,
  })
})

describe('search', () => {
  it('ranks a headline match above a body match', async () => {
    const results = await searchArticles(word, 1)
    expect(results.hits.map((hit) => hit.id)).toEqual([inHeadline, inBody])
    expect(results.total).toBe(2)
  })

  it('highlights the matching words in the snippet', async () => {
    const results = await searchArticles(word, 1)
    const body = results.hits.find((hit) => hit.id === inBody)!
    expect(body.snippet).toContainEqual({ text: word, match: true })
  })

  it('finds words inside FAQ answers, and an FAQ edit keeps it current', async () => {
    expect((await searchArticles(faqWord, 1)).hits.map((hit) => hit.id)).toEqual([withFaq])
    const payload = await testPayload()
    const { docs } = await payload.find({
      collection: 'faqs',
      where: { question: { like: 'Why ask' } },
    })
    const renamed = `${faqWord}renamed`
    await payload.update({
      collection: 'faqs',
      id: docs[0]!.id,
      data: { answer: plainTextToLexical(`Now about ${renamed}.`) },
    })
    expect((await searchArticles(renamed, 1)).hits.map((hit) => hit.id)).toEqual([withFaq])
  })

  it('supports quoted phrases and -exclusions', async () => {
    expect((await searchArticles(`"${word} question"`, 1)).hits.map((hit) => hit.id)).toEqual([
      inHeadline,
    ])
    expect((await searchArticles(`${word} -question`, 1)).hits.map((hit) => hit.id)).toEqual([
      inBody,
    ])
  })

  it('matches a phrase only where its words are adjacent, through the word-pair index', async () => {
    const rare = `wombatory${Date.now().toString(36)}`
    const [adjacent, apart, hyphenated] = await publishReports([
      `The ${rare} harbour reopened on Monday.`,
      `The harbour reopened; ${rare} crews left.`,
      `Work on the ${rare}-harbour link began.`,
    ])
    const found = await searchArticles(`"${rare} harbour"`, 1)
    expect(found.hits.map((hit) => hit.id).sort()).toEqual([adjacent, hyphenated].sort())
    expect((await searchArticles(rare, 1)).hits.map((hit) => hit.id)).toContain(apart)
    expect((await searchArticles(`"harbour's ${rare}" -"${rare} crews"`, 1)).total).toBe(0)
  })

  it('finds a phrase in an article too long to have its word pairs indexed', async () => {
    const payload = await testPayload()
    const rare = `numbatic${Date.now().toString(36)}`
    const [long, short] = await publishReports([
      `The ${rare} ferry sailed at dawn.`,
      `A ${rare} ferry crossed later.`,
    ])
    // What the phrase_pairs function stores for an article with more pairs than a tsvector holds
    // (its trigger runs on changes to search_vector only, so this stands).
    await payload.db.drizzle.execute(
      sql`UPDATE articles SET search_pairs = '~'::tsvector WHERE id = ${long}`,
    )
    const found = await searchArticles(`"${rare} ferry"`, 1)
    expect(found.hits.map((hit) => hit.id).sort()).toEqual([long, short].sort())
    expect(found.total).toBe(2)
  })

  it('never returns drafts, nor an article once unpublished', async () => {
    expect((await searchArticles(draftWord, 1)).total).toBe(0)
    const payload = await testPayload()
    await payload.update({ collection: 'articles', id: inBody, data: { _status: 'draft' } })
    expect((await searchArticles(word, 1)).hits.map((hit) => hit.id)).toEqual([inHeadline])
    await payload.update({ collection: 'articles', id: inBody, data: { _status: 'published' } })
  })

  it('neither counts nor shows an article whose desk was deleted', async () => {
    const payload = await testPayload()
    const ids = await seededIds(payload)
    const orphanWord = `deskless${Date.now().toString(36)}`
    const desk = await createDesk(payload)
    const kept = await payload.create({
      collection: 'articles',
      data: articleData(ids, { headline: `Still on a desk: ${orphanWord} ${unique('k')}` }),
    })
    await payload.create({
      collection: 'articles',
      data: articleData(
        { ...ids, deskId: desk.id },
        { headline: `Desk closing: ${orphanWord} ${unique('o')}` },
      ),
    })
    await payload.delete({ collection: 'sections', id: desk.id })

    const results = await searchArticles(orphanWord, 1)
    expect(results.hits.map((hit) => hit.id)).toEqual([kept.id])
    expect(results.total).toBe(1)
  })

  it('survives hostile queries', async () => {
    const hostile = [
      "'; DROP TABLE articles; --",
      '" unbalanced quote',
      'back\\slash \\\\ \\',
      '100% %_% %%',
      'chips:* & | ! <-> ()',
      'a:*B:* (((',
      '<script>alert(1)</script>',
      '\u0000 nul \u0002\u0003 control',
      'x'.repeat(200),
      '-',
      '""',
      'the and of',
    ]
    for (const query of hostile) {
      const results = await searchArticles(query, 1)
      expect(results.total, query).toBeGreaterThanOrEqual(0)
    }
    const payload = await testPayload()
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBeGreaterThan(0)
  })
})
