import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import { plainText } from '@/lib/richText'
import { plainTextToLexical } from '@/seed/lexical'

import { createUser, publishedArticle, unique } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

type Payload = Awaited<ReturnType<typeof testPayload>>
type Section = NonNullable<Article['body']>[number]
type Errors = {
  errors?: { message: string; data?: { conflicts?: { key: string; label: string }[] } }[]
}

let payload: Payload
let maya: User
let tomas: User
let mayaToken: string
let tomasToken: string

beforeAll(async () => {
  payload = await testPayload()
  maya = await createUser(payload, 'editor', { name: 'Maya Okafor' })
  tomas = await createUser(payload, 'editor', { name: 'Tomás Reyes' })
  mayaToken = await logIn(maya.email)
  tomasToken = await logIn(tomas.email)
})

/** A published article with three titled sections. */
async function story(): Promise<Article> {
  return publishedArticle(payload, {
    headline: `Two editors ${unique('h')}`,
    body: ['Background', 'Analysis', 'Outlook'].map((heading) => ({
      heading,
      content: plainTextToLexical(`${heading} as first written.`),
    })),
  })
}

async function open(id: number, token: string): Promise<{ doc: Article; etag: string }> {
  const response = await rest('GET', `articles/${id}?draft=true&depth=0`, undefined, token)
  expect(response.status).toBe(200)
  const etag = response.headers.get('etag')
  expect(etag).toMatch(/^"\d+"$/)
  return { doc: (await response.json()) as Article, etag: etag! }
}

function rewrite(doc: Article, index: number, text: string): Section[] {
  return (doc.body ?? []).map((section, i) =>
    i === index ? { ...section, content: plainTextToLexical(text) } : section,
  )
}

async function live(id: number): Promise<string[]> {
  const doc = await payload.findByID({ collection: 'articles', id, depth: 0 })
  return (doc.body ?? []).map((section) => plainText(section.content).trim())
}

async function patch(
  id: number,
  token: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  query = '',
): Promise<Response> {
  return rest('PATCH', `articles/${id}?depth=0${query}`, body, token, headers)
}

describe('two editors saving one article over REST', () => {
  it('a stale If-Match that touches another section is merged: both changes are live', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)

    const saved = await patch(
      article.id,
      mayaToken,
      { body: rewrite(first.doc, 0, 'Background, revised by Maya.') },
      { 'if-match': first.etag },
    )
    expect(saved.status).toBe(200)
    expect(saved.headers.get('etag')).not.toBe(first.etag)

    const merged = await patch(
      article.id,
      tomasToken,
      { body: rewrite(second.doc, 2, 'Outlook, revised by Tomás.') },
      { 'if-match': second.etag },
    )
    expect(merged.status).toBe(200)
    expect(await live(article.id)).toEqual([
      'Background, revised by Maya.',
      'Analysis as first written.',
      'Outlook, revised by Tomás.',
    ])
  })

  it('a stale If-Match that touches a section changed since is a 409 naming it and who changed it', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)
    expect(
      (
        await patch(
          article.id,
          mayaToken,
          { body: rewrite(first.doc, 1, 'Analysis by Maya.') },
          { 'if-match': first.etag },
        )
      ).status,
    ).toBe(200)

    const refused = await patch(
      article.id,
      tomasToken,
      { body: rewrite(second.doc, 1, 'Analysis by Tomás.') },
      { 'if-match': second.etag },
    )
    expect(refused.status).toBe(409)
    const error = ((await refused.json()) as Errors).errors?.[0]
    expect(error?.message).toContain('Section "Analysis" was changed by Maya Okafor')
    expect(error?.data?.conflicts?.map((conflict) => conflict.label)).toEqual(['Analysis'])
    // Nothing of the refused save was stored.
    expect(await live(article.id)).toEqual([
      'Background as first written.',
      'Analysis by Maya.',
      'Outlook as first written.',
    ])
  })

  it('fields outside the body merge one by one', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)
    await patch(
      article.id,
      mayaToken,
      { ...first.doc, headline: `${article.headline}: new` },
      {
        'if-match': first.etag,
      },
    )
    const response = await patch(
      article.id,
      tomasToken,
      { ...second.doc, dek: 'A dek Tomás rewrote.' },
      { 'if-match': second.etag },
    )
    expect(response.status).toBe(200)
    const doc = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect([doc.headline, doc.dek]).toEqual([`${article.headline}: new`, 'A dek Tomás rewrote.'])

    const clash = await patch(
      article.id,
      tomasToken,
      { ...second.doc, headline: 'A headline of my own' },
      { 'if-match': second.etag },
    )
    expect(clash.status).toBe(409)
    expect(((await clash.json()) as Errors).errors?.[0]?.message).toContain(
      'The "Headline" field was changed by Maya Okafor',
    )
  })

  it('sections added and removed on either side survive the merge, in order', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)
    const added = { heading: 'Reaction', content: plainTextToLexical('What they said.') }
    await patch(
      article.id,
      mayaToken,
      { body: [...(first.doc.body ?? []).slice(0, 2), added, (first.doc.body ?? [])[2]] },
      { 'if-match': first.etag },
    )
    const response = await patch(
      article.id,
      tomasToken,
      { body: (second.doc.body ?? []).filter((section) => section.heading !== 'Background') },
      { 'if-match': second.etag },
    )
    expect(response.status).toBe(200)
    const doc = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(doc.body?.map((section) => section.heading)).toEqual(['Analysis', 'Reaction', 'Outlook'])
  })

  it('without If-Match a PATCH is saved as before; a malformed one is a 400 with a sentence', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    await patch(article.id, mayaToken, { body: rewrite(first.doc, 0, 'Changed first.') })
    const plain = await patch(article.id, tomasToken, {
      body: rewrite(first.doc, 1, 'Overwrites as scripts expect.'),
    })
    expect(plain.status).toBe(200)
    expect((await live(article.id))[0]).toBe('Background as first written.')

    const malformed = await patch(article.id, tomasToken, { dek: 'x' }, { 'if-match': 'yesterday' })
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as Errors).errors?.[0]?.message).toContain('If-Match')
  })

  it('readers get no ETag and no base: the field is for staff only', async () => {
    const article = await story()
    const response = await rest('GET', `articles/${article.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBeNull()
    expect(((await response.json()) as Article).editBase).toBeFalsy()
  })
})

describe('two editors in the admin (the base travels in the hidden editBase field)', () => {
  it('both autosave different sections: both survive', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)
    const autosave = '&draft=true&autosave=true'

    const mine = await patch(
      article.id,
      mayaToken,
      { ...first.doc, editBase: first.doc.editBase, body: rewrite(first.doc, 0, 'Maya typing.') },
      {},
      autosave,
    )
    expect(mine.status).toBe(200)
    const theirs = await patch(
      article.id,
      tomasToken,
      {
        ...second.doc,
        editBase: second.doc.editBase,
        body: rewrite(second.doc, 2, 'Tomás typing.'),
      },
      {},
      autosave,
    )
    expect(theirs.status).toBe(200)
    const draft = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      depth: 0,
    })
    expect(draft.body?.map((section) => plainText(section.content).trim())).toEqual([
      'Maya typing.',
      'Analysis as first written.',
      'Tomás typing.',
    ])
  })

  it('after a conflict, "keep mine" saves the editor’s text unless the section changed again; theirs stays in Versions', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)
    const autosave = '&draft=true&autosave=true'
    await patch(
      article.id,
      mayaToken,
      { ...first.doc, body: rewrite(first.doc, 1, 'Maya’s analysis.') },
      {},
      autosave,
    )
    const mine = { ...second.doc, body: rewrite(second.doc, 1, 'Tomás’s analysis.') }
    const refused = await patch(article.id, tomasToken, { ...mine, editBase: second.doc.editBase })
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as {
      errors: { data: { current: number; conflicts: { key: string }[] } }[]
    }
    const { current, conflicts } = body.errors[0]!.data
    const keepOver = (shown: number) => `${second.doc.editBase};keep=${conflicts[0]!.key}@${shown}`

    // Maya changes the section again before Tomás decides: his choice was made on what he saw.
    const again = await open(article.id, mayaToken)
    await patch(
      article.id,
      mayaToken,
      { ...again.doc, body: rewrite(again.doc, 1, 'Maya’s analysis, once more.') },
      {},
      autosave,
    )
    const stale = await patch(article.id, tomasToken, { ...mine, editBase: keepOver(current) })
    expect(stale.status).toBe(409)
    const shownNow = ((await stale.json()) as typeof body).errors[0]!.data.current

    const kept = await patch(
      article.id,
      tomasToken,
      { ...mine, editBase: keepOver(shownNow) },
      {},
      autosave,
    )
    expect(kept.status).toBe(200)
    const draft = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      depth: 0,
    })
    expect(plainText(draft.body?.[1]?.content)).toBe('Tomás’s analysis.')
    // Maya's text that Tomás chose to replace stays in Versions: her autosave was not overwritten.
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      limit: 20,
    })
    expect(versions.docs.map((version) => plainText(version.version.body?.[1]?.content))).toContain(
      'Maya’s analysis, once more.',
    )
  })
})

describe('deleting an article a staff member has open', () => {
  it('is a plain delete: no base is made for what is gone', async () => {
    const article = await story()
    await open(article.id, mayaToken)
    const response = await rest('DELETE', `articles/${article.id}`, undefined, mayaToken)
    expect(response.status).toBe(200)
    const gone = await payload.find({
      collection: 'articles',
      where: { id: { equals: article.id } },
    })
    expect(gone.totalDocs).toBe(0)
  })
})

describe('what a copy may not show yet', () => {
  it('a section merged in from someone else, then changed on the old text, is a conflict, not an overwrite', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)
    await patch(article.id, tomasToken, {
      ...second.doc,
      body: rewrite(second.doc, 2, 'Tomás’s outlook.'),
    })
    // Maya's autosave went out before she saw Tomás's outlook; the server merged it in.
    const merged = await patch(article.id, mayaToken, {
      ...first.doc,
      body: rewrite(first.doc, 0, 'Maya’s background.'),
    })
    expect(merged.status).toBe(200)
    const base = ((await merged.json()) as { doc: Article }).doc.editBase
    // Her editor still shows the old outlook (she was typing in it), and she adds to it.
    const body = rewrite(first.doc, 0, 'Maya’s background.').map((section, index) =>
      index === 2
        ? { ...section, content: plainTextToLexical('Outlook as first written. Maya adds') }
        : section,
    )
    const refused = await patch(article.id, mayaToken, { ...first.doc, body, editBase: base })
    expect(refused.status).toBe(409)
    expect((await live(article.id))[2]).toBe('Tomás’s outlook.')
  })

  it('a section someone added that this copy does not hold stays; a section held twice keeps the changed copy', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const second = await open(article.id, tomasToken)
    const inserted = [
      ...(second.doc.body ?? []).slice(0, 2),
      { heading: 'Reaction', content: plainTextToLexical('What they said.') },
      ...(second.doc.body ?? []).slice(2),
    ]
    await patch(article.id, tomasToken, { ...second.doc, body: inserted })
    const rows = first.doc.body ?? []
    const doubled = [
      rows[0],
      rows[1],
      { ...rows[2], content: plainTextToLexical('Outlook, as Maya rewrote it.') },
      rows[2],
    ]
    const response = await patch(article.id, mayaToken, { ...first.doc, body: doubled })
    expect(response.status).toBe(200)
    const doc = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(doc.body?.map((section) => section.heading)).toEqual([
      'Background',
      'Analysis',
      'Reaction',
      'Outlook',
    ])
    expect(plainText(doc.body?.[3]?.content)).toBe('Outlook, as Maya rewrote it.')
  })

  it('someone who may not change the article learns nothing from a base: the save is refused as before', async () => {
    const article = await story()
    const author = await createUser(payload, 'author', { name: 'An Author' })
    const token = await logIn(author.email)
    const first = await open(article.id, mayaToken)
    await patch(
      article.id,
      mayaToken,
      { ...first.doc, headline: 'An unpublished headline' },
      {},
      '&draft=true',
    )
    // Against the old base, a wrong guess at the draft's headline would be a conflict naming Maya.
    const response = await patch(
      article.id,
      token,
      { headline: 'A guess' },
      { 'if-match': first.etag },
    )
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('Maya')
  })
})

describe('moves in the review workflow', () => {
  it('a stale move is judged by the review rules against the current state, not merged away', async () => {
    const author = await createUser(payload, 'author', { name: 'Ada Author' })
    const authorToken = await logIn(author.email)
    const article = await publishedArticle(payload, {
      headline: `In review ${unique('h')}`,
      _status: 'draft',
      reviewStatus: 'in_review',
      createdBy: author.id,
    })
    const mine = await open(article.id, authorToken)
    const sentBack = await patch(
      article.id,
      mayaToken,
      { reviewStatus: 'sent_back', reviewNote: 'Check the second figure.' },
      {},
      '&draft=true',
    )
    expect(sentBack.status).toBe(200)
    const stale = await patch(
      article.id,
      authorToken,
      { ...mine.doc, reviewStatus: 'draft' },
      { 'if-match': mine.etag },
      '&draft=true',
    )
    expect(stale.status).toBe(400)
    expect(((await stale.json()) as Errors).errors?.[0]?.message).toContain(
      'Authors cannot move an article from "Sent back" to "Draft".',
    )
  })
})

describe('bad input and a busy article', () => {
  it('a base or a keep list the server never sent is a 400 with a sentence, and nothing is stored', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const badBase = await patch(article.id, mayaToken, {
      ...first.doc,
      headline: 'Never stored',
      editBase: 'yesterday',
    })
    expect(badBase.status).toBe(400)
    expect(((await badBase.json()) as Errors).errors?.[0]?.message).toContain('Reload the article')
    const badKeep = await patch(article.id, mayaToken, {
      ...first.doc,
      headline: 'Never stored',
      editKeep: "'; DROP TABLE articles; --",
    })
    expect(badKeep.status).toBe(400)
    expect(((await badKeep.json()) as Errors).errors?.[0]?.message).toContain('Reload the article')
    const doc = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(doc.headline).toBe(article.headline)
  })

  it('a save kept waiting on another save of the article is a 503 that says the text is safe, not a 500', async () => {
    const article = await story()
    const first = await open(article.id, mayaToken)
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    const holder = await pool.connect()
    try {
      await holder.query('BEGIN')
      await holder.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [article.id])
      const waited = await patch(
        article.id,
        mayaToken,
        { body: rewrite(first.doc, 0, 'Typed while another save held the article.') },
        { 'if-match': first.etag },
      )
      expect(waited.status).toBe(503)
      expect(((await waited.json()) as Errors).errors?.[0]?.message).toContain(
        'your text is still in your editor',
      )
    } finally {
      await holder.query('ROLLBACK')
      holder.release()
    }
    expect((await live(article.id))[0]).toBe('Background as first written.')
  })
})
