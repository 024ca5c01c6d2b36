import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { hashAddress } from '@/comments/clientAddress'

import { createComment, publishedArticle } from '../../support/factories'
import { commentFields, reader, submitAs } from '../../support/comments'
import { testPayload } from '../../support/payload'

/*
 * A reader's comment is written by src/comments/store.ts in one statement, not
 * through payload.create (a busy thread takes hundreds a second). What it
 * writes must be what Payload would have written, and what Payload's hooks for
 * the collection would have done must still be done: these tests fail the day
 * the collection gains a field or a hook the fast path does not know.
 */

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const MODERATION_FIELDS = [
  'article',
  'authorName',
  'body',
  'challengeId',
  'email',
  'heldReasons',
  'ipHash',
  'parent',
  'status',
  'submissionKey',
  'trust',
  'userAgent',
] as const

describe('a comment written by the submission path', () => {
  it('reads back through Payload exactly as one Payload wrote itself', async () => {
    const article = await publishedArticle(payload)
    const top = await createComment(payload, article.id, { status: 'approved' })
    const who = reader()
    const body = 'See https://a.example, https://b.example and https://c.example for "the" figures.'
    const result = await submitAs(
      payload,
      who,
      commentFields(article.id, who, { body, parent: top.id, name: 'Ada "Quotes" Reader' }),
    )
    expect(result.status).toBe(201)
    const stored = await payload.findByID({
      collection: 'comments',
      id: result.id,
      depth: 0,
      overrideAccess: true,
    })
    const viaPayload = await payload.create({
      collection: 'comments',
      data: Object.fromEntries(
        MODERATION_FIELDS.map((field) => [
          field,
          field === 'submissionKey' ? `${stored.submissionKey}-copy` : stored[field],
        ]),
      ) as never,
      depth: 0,
      overrideAccess: true,
      context: { disableNotifications: true },
    })
    for (const field of MODERATION_FIELDS) {
      if (field === 'submissionKey') continue
      expect(stored[field], field).toEqual(viaPayload[field])
    }
    expect(stored).toMatchObject({
      status: 'pending',
      parent: top.id,
      authorName: 'Ada "Quotes" Reader',
      ipHash: hashAddress(who.address),
      userAgent: 'vitest',
      trust: 'unverified',
    })
    // Two held reasons, in order: its links, and no proof of work.
    expect(stored.heldReasons).toHaveLength(2)
    expect(stored.heldReasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/links/), expect.stringMatching(/JavaScript/)]),
    )
    expect(Date.parse(stored.createdAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(stored.updatedAt).toBe(stored.createdAt)
  })

  it('stands in for exactly the hooks and fields the Comments collection has', () => {
    const { config } = payload.collections.comments
    const names = (hooks: { name: string }[] | undefined) => (hooks ?? []).map((hook) => hook.name)
    // A new hook or field here must be handled for readers' comments in src/comments/store.ts
    // (or submit.ts) before this list changes.
    expect({
      beforeValidate: names(config.hooks.beforeValidate),
      beforeChange: names(config.hooks.beforeChange),
      afterChange: names(config.hooks.afterChange),
    }).toEqual({
      beforeValidate: ['validateThread'],
      beforeChange: [],
      afterChange: ['revalidateComment', 'notifyModerators'],
    })
    const fields = config.fields
      .filter((field) => 'name' in field)
      .map((field) => (field as { name: string }).name)
      .sort()
    expect(fields).toEqual([...MODERATION_FIELDS, 'createdAt', 'updatedAt'].sort())
  })
})
