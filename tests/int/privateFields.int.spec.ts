import { beforeAll, describe, expect, it } from 'vitest'

import type { Comment, User } from '@/payload-types'
import { plainTextToLexical, toLexical } from '@/seed/lexical'

import {
  articleData,
  commentData,
  createUser,
  publishedArticle,
  seededIds,
  unique,
} from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

let author: User
let otherAuthor: User
let authorToken: string
let editorToken: string
let comment: Comment
let articleId: number

type Errors = { errors?: { message: string }[] }
const messageOf = async (response: Response) =>
  ((await response.json()) as Errors).errors?.[0]?.message ?? ''

beforeAll(async () => {
  const payload = await testPayload()
  // Two colleagues whose emails sort either way round, each with an FAQ.
  const [early, late] = await Promise.all([
    createUser(payload, 'author', { email: `aaa-${unique('early')}@broadsheet.test` }),
    createUser(payload, 'author', { email: `zzz-${unique('late')}@broadsheet.test` }),
  ])
  for (const colleague of [early, late]) {
    await payload.create({
      collection: 'faqs',
      data: { question: `Whose ${unique('q')}?`, answer: plainTextToLexical('Theirs.') },
      overrideAccess: false,
      user: colleague,
    })
  }
  otherAuthor = late
  author = await createUser(payload, 'author')
  const editor = await createUser(payload, 'editor')
  ;[authorToken, editorToken] = await Promise.all([logIn(author.email), logIn(editor.email)])
  articleId = (await publishedArticle(payload)).id
  comment = await payload.create({
    collection: 'comments',
    data: commentData(articleId, {
      email: 'private@example.com',
      ipHash: 'hash-of-an-address',
      userAgent: 'Private Browser/1.0',
    }),
  })
})

describe("other staff's emails", () => {
  it('cannot be used to sort or filter by an author', async () => {
    for (const query of [
      'faqs?sort=createdBy.email',
      'faqs?sort=-createdBy.email',
      'faqs?where[createdBy.email][like]=aaa',
      'articles?where[or][0][createdBy.email][exists]=true',
    ]) {
      const response = await rest('GET', query, undefined, authorToken)
      expect(response.status, query).toBe(400)
      expect(await messageOf(response), query).toMatch(/cannot sort or filter by createdBy\.email/)
    }
  })

  it("are not confirmed by an author's attempt to take one for their own account", async () => {
    const taken = await rest(
      'PATCH',
      `users/${author.id}`,
      { email: otherAuthor.email },
      authorToken,
    )
    const free = await rest(
      'PATCH',
      `users/${author.id}`,
      { email: `${unique('nobody')}@broadsheet.test` },
      authorToken,
    )
    expect([taken.status, free.status]).toEqual([403, 403])
    const [takenMessage, freeMessage] = [await messageOf(taken), await messageOf(free)]
    expect(takenMessage).toBe(freeMessage)
    expect(freeMessage).toMatch(/Only an admin can change/)
    const payload = await testPayload()
    expect((await payload.findByID({ collection: 'users', id: author.id })).email).toBe(
      author.email,
    )
  })

  it('are still changed by an admin', async () => {
    const payload = await testPayload()
    const admin = await createUser(payload, 'admin')
    const colleague = await createUser(payload, 'author')
    const renamed = `${unique('renamed')}@broadsheet.test`
    const adminToken = await logIn(admin.email)
    const response = await rest('PATCH', `users/${colleague.id}`, { email: renamed }, adminToken)
    expect(response.status).toBe(200)
    expect((await payload.findByID({ collection: 'users', id: colleague.id })).email).toBe(renamed)
  })
})

describe("commenters' personal data", () => {
  it('is for editors only', async () => {
    const asAuthor = (await (
      await rest('GET', `comments/${comment.id}`, undefined, authorToken)
    ).json()) as Comment
    expect(asAuthor.body).toBe(comment.body)
    expect(asAuthor).not.toHaveProperty('email')
    expect(asAuthor).not.toHaveProperty('ipHash')
    expect(asAuthor).not.toHaveProperty('userAgent')
    const asEditor = (await (
      await rest('GET', `comments/${comment.id}`, undefined, editorToken)
    ).json()) as Comment
    expect(asEditor).toMatchObject({ email: 'private@example.com', ipHash: 'hash-of-an-address' })
  })

  it('cannot be searched by an author either', async () => {
    const response = await rest(
      'GET',
      'comments?where[email][equals]=private@example.com',
      undefined,
      authorToken,
    )
    const found = response.ok ? ((await response.json()) as { totalDocs: number }).totalDocs : 0
    expect(found).toBe(0)
  })

  it("leave an author's search of the comments list working on the other columns", async () => {
    // The admin's search box ORs every searchable column, email included.
    const search = `where[or][0][body][like]=${encodeURIComponent(comment.body)}&where[or][1][email][like]=private`
    const response = await rest('GET', `comments?${search}`, undefined, authorToken)
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as { docs: Comment[] }
    expect(docs.map((doc) => doc.id)).toEqual([comment.id])
  })
})

describe('a comment created by staff over REST', () => {
  it('keeps the moderation fields the pipeline sets', async () => {
    for (const token of [authorToken, editorToken]) {
      const response = await rest(
        'POST',
        'comments',
        commentData(articleId, {
          trust: 'verified',
          heldReasons: ['forged'],
          status: 'approved',
          ipHash: 'forged-hash',
        }),
        token,
      )
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as { doc: Comment }
      const payload = await testPayload()
      const stored = await payload.findByID({ collection: 'comments', id: doc.id })
      expect(stored).toMatchObject({ status: 'pending', trust: 'unverified' })
      expect(stored.heldReasons ?? []).toEqual([])
      expect(stored.ipHash ?? null).toBeNull()
    }
  })
})

describe('the publish checklist', () => {
  it("does not tell an author whether another author's unpublished article exists", async () => {
    const payload = await testPayload()
    const ids = await seededIds(payload)
    const secret = await payload.create({
      collection: 'articles',
      data: articleData(ids, { headline: `Embargoed ${unique('s')}`, _status: 'draft' }),
      draft: true,
      overrideAccess: false,
      user: otherAuthor,
    })
    const linkTo = (slug: string) => ({
      headline: 'Links',
      body: [
        {
          heading: 'Links',
          content: toLexical(
            [{ type: 'paragraph', children: [{ text: 'See', href: `/technology/${slug}` }] }],
            { tables: new Map(), faqs: new Map() },
          ),
        },
      ],
    })
    const findingsFor = async (slug: string) => {
      const response = await rest('POST', 'articles/checklist', linkTo(slug), authorToken)
      const result = (await response.json()) as { errors: { rule: string; message: string }[] }
      return result.errors
        .filter((finding) => finding.rule === 'unpublished-link')
        .map((finding) => finding.message.replace(slug, 'SLUG'))
    }
    const forSecret = await findingsFor(secret.slug!)
    expect(forSecret).toEqual(await findingsFor(`no-such-article-${unique('n')}`))
    expect(forSecret[0]).toMatch(/no such article/)
  })
})

describe('list requests from readers', () => {
  it('get at most 100 documents, whatever limit they ask for', async () => {
    const payload = await testPayload()
    await Promise.all(
      Array.from({ length: 101 }, () =>
        payload.create({
          collection: 'tags',
          data: { name: unique('Topic') },
          context: { disableRevalidate: true },
        }),
      ),
    )
    for (const limit of ['100000', '0']) {
      const response = await rest('GET', `tags?limit=${limit}&depth=0`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { docs: unknown[]; totalDocs: number }
      expect(body.docs.length).toBe(100)
      expect(body.totalDocs).toBeGreaterThan(100)
    }
  })

  it('cannot turn pagination off', async () => {
    const response = await rest('GET', 'tags?pagination=false')
    expect(response.status).toBe(400)
    expect(await messageOf(response)).toMatch(/pagination/)
  })
})

describe('malformed queries', () => {
  it('answer 400 with a message, not 500', async () => {
    for (const query of [
      'articles?where[headline][near]=1,2,3',
      'articles?where[headline][within][type]=Polygon',
      'articles?where[headline][all]=a',
      'articles?where[headline][$ne]=a',
      'articles?limit=12345678901234567890',
      'articles?page=12345678901234567890',
    ]) {
      const response = await rest('GET', query)
      expect(response.status, query).toBe(400)
      expect(await messageOf(response), query).not.toBe('')
    }
    const verify = await rest('POST', 'users/verify/abc')
    expect(verify.status).toBe(400)
    expect(await messageOf(verify)).not.toBe('')
  })
})
