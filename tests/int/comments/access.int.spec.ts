import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, Comment } from '@/payload-types'

import { approvedComment, commentFields, reader, submitAs } from '../../support/comments'
import { countApprovedComments } from '@/queries/comments'

import { commentData, createComment, publishedArticle } from '../../support/factories'
import { testPayload } from '../../support/payload'
import { rest } from '../../support/rest'

let article: Article
let pending: { id: number; email: string }
let approved: Comment

beforeAll(async () => {
  const payload = await testPayload()
  article = await publishedArticle(payload)
  const who = reader()
  const result = await submitAs(payload, who, commentFields(article.id, who))
  pending = { id: result.id, email: who.email }
  approved = await approvedComment(payload, article.id)
})

describe('an anonymous reader', () => {
  it('can submit a comment, which starts out pending', async () => {
    const payload = await testPayload()
    const stored = await payload.findByID({ collection: 'comments', id: pending.id })
    expect(stored.status).toBe('pending')
    expect(stored.email).toBe(pending.email)
  })

  it('cannot choose the status of their own comment', async () => {
    const payload = await testPayload()
    const who = reader()
    const { id } = await submitAs(
      payload,
      who,
      commentFields(article.id, who, { status: 'approved' }),
    )
    expect((await payload.findByID({ collection: 'comments', id })).status).toBe('pending')
  })

  it('cannot create comments through the REST API or the Local API, bypassing the defenses', async () => {
    const response = await rest('POST', 'comments', {
      article: article.id,
      authorName: 'Bot',
      email: 'bot@example.com',
      body: 'Straight to the API',
    })
    expect(response.status).toBe(403)
    const payload = await testPayload()
    await expect(
      payload.create({
        collection: 'comments',
        data: commentData(article.id, { authorName: 'Bot', status: 'approved' }),
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
  })

  it('sees approved comments but never pending ones (Local API)', async () => {
    const payload = await testPayload()
    const { docs } = await payload.find({
      collection: 'comments',
      where: { article: { equals: article.id } },
      overrideAccess: false,
      pagination: false,
    })
    expect(docs.map((doc) => doc.id)).toEqual([approved.id])
    await expect(
      payload.findByID({ collection: 'comments', id: pending.id, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it('sees approved comments but never pending ones (REST)', async () => {
    const list = await rest('GET', `comments?where[article][equals]=${article.id}&limit=100`)
    expect(list.status).toBe(200)
    const { docs } = (await list.json()) as { docs: { id: number }[] }
    expect(docs.map((doc) => doc.id)).toEqual([approved.id])
    expect((await rest('GET', `comments/${pending.id}`)).status).toBe(404)
    const asked = await rest('GET', `comments?where[status][equals]=pending&limit=100`)
    expect(((await asked.json()) as { docs: unknown[] }).docs).toEqual([])
  })

  it('never receives an email, address hash or moderation detail', async () => {
    const payload = await testPayload()
    const local = await payload.findByID({
      collection: 'comments',
      id: approved.id,
      overrideAccess: false,
    })
    const restDoc = (await (await rest('GET', `comments/${approved.id}`)).json()) as Record<
      string,
      unknown
    >
    for (const doc of [local as unknown as Record<string, unknown>, restDoc]) {
      expect(doc.body).toBe(approved.body)
      for (const secret of [
        'email',
        'ipHash',
        'userAgent',
        'submissionKey',
        'challengeId',
        'heldReasons',
        'trust',
      ]) {
        expect(doc).not.toHaveProperty(secret)
      }
    }
    const text = JSON.stringify(await (await rest('GET', 'comments?limit=200&depth=2')).json())
    expect(text).not.toContain('@example.com')
  })

  it('cannot find comments by email (no guessing whose address it is)', async () => {
    const response = await rest(
      'GET',
      `comments?where[email][equals]=${encodeURIComponent(pending.email)}`,
    )
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await response.text()).not.toContain(pending.email.split('@')[0])
  })

  it('cannot update or delete any comment', async () => {
    expect(
      (await rest('PATCH', `comments/${approved.id}`, { body: 'Edited by a stranger' })).status,
    ).toBe(403)
    expect((await rest('PATCH', `comments/${pending.id}`, { status: 'approved' })).status).toBe(403)
    expect((await rest('DELETE', `comments/${approved.id}`)).status).toBe(403)
    const payload = await testPayload()
    await expect(
      payload.update({
        collection: 'comments',
        id: pending.id,
        data: { status: 'approved' },
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'comments', id: approved.id, overrideAccess: false }),
    ).rejects.toThrow()
    const after = await payload.findByID({ collection: 'comments', id: pending.id })
    expect(after.status).toBe('pending')
    expect((await payload.findByID({ collection: 'comments', id: approved.id })).body).toBe(
      approved.body,
    )
  })

  it('has no GraphQL endpoint to ask instead', async () => {
    const response = await rest('POST', 'graphql', { query: '{ Comments { docs { email } } }' })
    expect(response.status).toBe(404)
  })

  it('cannot read the comment settings, whose blocklist stays private', async () => {
    expect((await rest('GET', 'globals/comment-settings')).status).toBe(403)
  })
})

describe('threads', () => {
  it('accept a reply to a top-level comment', async () => {
    const payload = await testPayload()
    const who = reader()
    const { id } = await submitAs(
      payload,
      who,
      commentFields(article.id, who, { parent: approved.id }),
    )
    const reply = await payload.findByID({ collection: 'comments', id, depth: 0 })
    expect(reply.parent).toBe(approved.id)
  })

  it('refuse a reply to a reply, through the form and in the admin', async () => {
    const payload = await testPayload()
    const reply = await approvedComment(payload, article.id, { parent: approved.id })
    const who = reader()
    await expect(
      submitAs(payload, who, commentFields(article.id, who, { parent: reply.id })),
    ).rejects.toMatchObject({
      status: 400,
      field: 'parent',
      message: expect.stringMatching(/one level/),
    })
    await expect(
      createComment(payload, article.id, { parent: reply.id, authorName: 'Editor' }),
    ).rejects.toThrow(/one level/)
  })

  it('refuse to make a comment with replies into a reply', async () => {
    const payload = await testPayload()
    const parent = await approvedComment(payload, article.id)
    await approvedComment(payload, article.id, { parent: parent.id })
    const other = await approvedComment(payload, article.id)
    await expect(
      payload.update({ collection: 'comments', id: parent.id, data: { parent: other.id } }),
    ).rejects.toThrow(/has replies of its own/)
  })

  it('lose their replies with them when a comment is deleted', async () => {
    const payload = await testPayload()
    const parent = await approvedComment(payload, article.id)
    const reply = await approvedComment(payload, article.id, { parent: parent.id })
    await payload.delete({ collection: 'comments', id: parent.id })
    await expect(payload.findByID({ collection: 'comments', id: reply.id })).rejects.toThrow()
  })

  it('are counted for lists as the page shows them: replies under a hidden parent do not count', async () => {
    const payload = await testPayload()
    const target = await publishedArticle(payload)
    const parent = await approvedComment(payload, target.id)
    await approvedComment(payload, target.id, { parent: parent.id })
    await approvedComment(payload, target.id)
    expect(await countApprovedComments([target.id])).toEqual({ [target.id]: 3 })
    await payload.update({ collection: 'comments', id: parent.id, data: { status: 'rejected' } })
    expect(await countApprovedComments([target.id])).toEqual({ [target.id]: 1 })
  })

  it('refuse a parent from another article', async () => {
    const payload = await testPayload()
    const other = await publishedArticle(payload)
    const who = reader()
    await expect(
      submitAs(payload, who, commentFields(other.id, who, { parent: approved.id })),
    ).rejects.toMatchObject({
      status: 400,
      field: 'parent',
      message: expect.stringMatching(/another article/),
    })
  })

  it('refuse replies to a comment readers cannot see', async () => {
    const payload = await testPayload()
    const who = reader()
    await expect(
      submitAs(payload, who, commentFields(article.id, who, { parent: pending.id })),
    ).rejects.toMatchObject({
      status: 400,
      field: 'parent',
      message: expect.stringMatching(/does not exist/),
    })
  })
})
