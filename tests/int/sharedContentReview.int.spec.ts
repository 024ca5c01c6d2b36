import { beforeAll, describe, expect, it } from 'vitest'

import type { ComparisonTable, Faq, User } from '@/payload-types'
import { searchArticles } from '@/queries/search'
import { plainTextToLexical, toLexical } from '@/seed/lexical'

import { articleData, createUser, seededIds, tableData, unique } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

// Made-up words, so only this test's FAQ can match them in search.
const liveWord = `wombatique${Date.now().toString(36)}`
const proposedWord = `narwhalish${Date.now().toString(36)}`

let author: User
let authorToken: string
let editorToken: string
let faq: Faq
let table: ComparisonTable
let articleId: number

/** What a reader gets: the article as the article page asks for it, without a user. */
async function readerArticle() {
  const payload = await testPayload()
  const article = await payload.findByID({
    collection: 'articles',
    id: articleId,
    depth: 2,
    overrideAccess: false,
  })
  const [shownFaq] = article.embeddedFaqs as Faq[]
  const [shownTable] = article.embeddedTables as ComparisonTable[]
  return { question: shownFaq?.question, tableTitle: shownTable?.title }
}

beforeAll(async () => {
  const payload = await testPayload()
  const ids = await seededIds(payload)
  author = await createUser(payload, 'author')
  const editor = await createUser(payload, 'editor')
  ;[authorToken, editorToken] = await Promise.all([logIn(author.email), logIn(editor.email)])
  faq = await payload.create({
    collection: 'faqs',
    data: { question: `Is it ${liveWord}?`, answer: plainTextToLexical('Yes.') },
    overrideAccess: false,
    user: author,
  })
  table = await payload.create({
    collection: 'comparison-tables',
    data: tableData({ title: `Prices ${unique('live')}` }),
    overrideAccess: false,
    user: author,
  })
  const content = toLexical(
    [
      { type: 'table', table: 't' },
      { type: 'faq', faqs: ['f'] },
    ],
    { tables: new Map([['t', table.id]]), faqs: new Map([['f', faq.id]]) },
  )
  articleId = (
    await payload.create({
      collection: 'articles',
      data: articleData(ids, { body: [{ heading: 'Questions', content }] }),
    })
  ).id
})

describe('an FAQ or table embedded in a published article', () => {
  it("refuses an author's plain save, saying to save a draft for an editor", async () => {
    const response = await rest(
      'PATCH',
      `faqs/${faq.id}`,
      { question: 'Rewritten live?' },
      authorToken,
    )
    expect(response.status).toBe(403)
    const body = (await response.json()) as { errors: { message: string }[] }
    expect(body.errors[0]!.message).toMatch(/published article .*Save draft.*editor will publish/)
    const tableResponse = await rest(
      'PATCH',
      `comparison-tables/${table.id}`,
      { title: 'Rewritten live' },
      authorToken,
    )
    expect(tableResponse.status).toBe(403)
    expect(await readerArticle()).toEqual({ question: faq.question, tableTitle: table.title })
  })

  it("keeps an author's draft away from readers and search until an editor publishes it", async () => {
    const proposedQuestion = `Is it ${proposedWord}?`
    const proposedTitle = `Prices ${unique('proposed')}`
    const faqDraft = await rest(
      'PATCH',
      `faqs/${faq.id}?draft=true`,
      { question: proposedQuestion },
      authorToken,
    )
    const tableDraft = await rest(
      'PATCH',
      `comparison-tables/${table.id}?draft=true`,
      { title: proposedTitle },
      authorToken,
    )
    expect([faqDraft.status, tableDraft.status]).toEqual([200, 200])

    expect(await readerArticle()).toEqual({ question: faq.question, tableTitle: table.title })
    expect((await searchArticles(proposedWord, 1)).total).toBe(0)
    expect((await searchArticles(liveWord, 1)).hits.map((hit) => hit.id)).toEqual([articleId])
    const anonymous = (await (await rest('GET', `faqs/${faq.id}`)).json()) as Faq
    expect(anonymous.question).toBe(faq.question)

    const published = await Promise.all([
      rest('PATCH', `faqs/${faq.id}`, { _status: 'published' }, editorToken),
      rest('PATCH', `comparison-tables/${table.id}`, { _status: 'published' }, editorToken),
    ])
    expect(published.map((response) => response.status)).toEqual([200, 200])

    expect(await readerArticle()).toEqual({ question: proposedQuestion, tableTitle: proposedTitle })
    expect((await searchArticles(proposedWord, 1)).hits.map((hit) => hit.id)).toEqual([articleId])
  })

  it('lets an author publish their own FAQ that no published article shows', async () => {
    const payload = await testPayload()
    const loose = await payload.create({
      collection: 'faqs',
      data: { question: 'Loose?', answer: plainTextToLexical('Yes.') },
      overrideAccess: false,
      user: author,
    })
    const response = await rest(
      'PATCH',
      `faqs/${loose.id}`,
      { question: 'Still loose?' },
      authorToken,
    )
    expect(response.status).toBe(200)
    const anonymous = (await (await rest('GET', `faqs/${loose.id}`)).json()) as Faq
    expect(anonymous.question).toBe('Still loose?')
  })
})
