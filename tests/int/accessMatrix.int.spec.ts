import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { plainTextToLexical } from '@/seed/lexical'

import {
  articleData,
  commentData,
  createComment,
  createUser,
  deskData,
  seededIds,
  tableData,
  topicData,
  unique,
  userData,
} from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

/**
 * Who may do what: anonymous / author / editor / admin × every collection ×
 * create, read, update, delete (and publish, for articles), through the Local
 * API with access enforced — the path the site's own queries take — and the
 * REST paths an author could try by hand. "Own" is a document the actor
 * created; anonymous readers own nothing, so those cells are marked n/a.
 */
type Actor = 'anonymous' | 'author' | 'editor' | 'admin'
const ACTORS: Actor[] = ['anonymous', 'author', 'editor', 'admin']
type Staff = Exclude<Actor, 'anonymous'>
/** [anonymous, author, editor, admin]; null: not applicable. */
type Row = [boolean | null, boolean, boolean, boolean]

const users = {} as Record<Staff, User>
const tokens = {} as Record<Staff, string>
let ids: { deskId: number; authorId: number }
let png: Buffer

function as(actor: Actor) {
  return actor === 'anonymous'
    ? { overrideAccess: false as const }
    : { overrideAccess: false as const, user: users[actor] }
}

/** True when Payload let the actor do it; false when it refused (403 or, for a hidden document, 404). */
async function allowed(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 404 || status === 401) return false
    throw error
  }
}

async function check(row: Row, action: (actor: Actor) => Promise<unknown>) {
  const seen: (boolean | null)[] = []
  for (const [index, actor] of ACTORS.entries()) {
    seen.push(row[index] === null ? null : await allowed(() => action(actor)))
  }
  expect(seen).toEqual(row)
}

type Doc = { id: number | string }
interface Spec {
  collection: CollectionSlug
  /** A document made by `owner` (or by nobody in particular). */
  make: (owner?: Staff) => Promise<Doc>
  data: () => Record<string, unknown>
  change: Record<string, unknown>
  rows: {
    create: Row
    read: Row
    updateOthers: Row
    deleteOthers: Row
    updateOwn?: Row
    deleteOwn?: Row
  }
}

const EDITORS: Row = [false, false, true, true]
const STAFF: Row = [false, true, true, true]
const EVERYONE: Row = [true, true, true, true]
const OWN: Row = [null, true, true, true]
/** Images, tables, FAQs: staff add them; editors change any, authors their own. */
const CONTRIBUTED: Spec['rows'] = {
  create: STAFF,
  read: EVERYONE,
  updateOthers: EDITORS,
  deleteOthers: EDITORS,
  updateOwn: OWN,
  deleteOwn: OWN,
}

function maker(
  payload: Payload,
  collection: CollectionSlug,
  data: () => Record<string, unknown>,
  file = false,
) {
  return (owner?: Staff) =>
    payload.create({
      collection,
      data: data() as never,
      ...(owner ? { user: users[owner] } : {}),
      ...(file
        ? {
            file: {
              data: png,
              mimetype: 'image/png',
              name: `${unique('m')}.png`,
              size: png.length,
            },
          }
        : {}),
    }) as Promise<Doc>
}

beforeAll(async () => {
  const payload = await testPayload()
  ids = await seededIds(payload)
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#777' } })
    .png()
    .toBuffer()
  for (const role of ['author', 'editor', 'admin'] as const) {
    users[role] = await createUser(payload, role, { name: `Matrix ${role}` })
    tokens[role] = await logIn(users[role].email)
  }
})

function specs(payload: Payload): Spec[] {
  const named = (label: string) => () => ({ name: unique(label) })
  const faq = () => ({
    question: `${unique('Question')}?`,
    answer: plainTextToLexical('An answer.'),
  })
  const redirect = () => ({ from: unique('/old-address'), to: { type: 'custom', url: '/world' } })
  const mediaData = () => ({ alt: 'A grey square' })
  return [
    {
      collection: 'sections',
      make: maker(payload, 'sections', () => deskData()),
      data: () => deskData(),
      change: { description: 'Changed.' },
      rows: { create: EDITORS, read: EVERYONE, updateOthers: EDITORS, deleteOthers: EDITORS },
    },
    {
      collection: 'tags',
      make: maker(payload, 'tags', () => topicData()),
      data: () => topicData(),
      change: { name: unique('Renamed') },
      rows: { create: EDITORS, read: EVERYONE, updateOthers: EDITORS, deleteOthers: EDITORS },
    },
    {
      collection: 'authors',
      make: maker(payload, 'authors', named('Byline')),
      data: named('Byline'),
      change: { jobTitle: 'Correspondent' },
      rows: { create: EDITORS, read: EVERYONE, updateOthers: EDITORS, deleteOthers: EDITORS },
    },
    {
      collection: 'redirects',
      make: maker(payload, 'redirects', redirect),
      data: redirect,
      change: { type: '302' },
      rows: { create: EDITORS, read: STAFF, updateOthers: EDITORS, deleteOthers: EDITORS },
    },
    {
      collection: 'media',
      make: maker(payload, 'media', mediaData, true),
      data: mediaData,
      change: { alt: 'A darker grey square' },
      rows: CONTRIBUTED,
    },
    {
      collection: 'faqs',
      make: maker(payload, 'faqs', faq),
      data: faq,
      change: { question: `${unique('Reworded')}?` },
      rows: CONTRIBUTED,
    },
    {
      collection: 'comparison-tables',
      make: maker(payload, 'comparison-tables', () => tableData()),
      data: () => tableData(),
      change: { sourceNote: 'Changed source' },
      rows: CONTRIBUTED,
    },
  ]
}

describe('the access matrix', () => {
  it('content collections: create, read, update and delete', async () => {
    const payload = await testPayload()
    for (const spec of specs(payload)) {
      const { collection, rows } = spec
      const file =
        collection === 'media'
          ? {
              file: {
                data: png,
                mimetype: 'image/png',
                name: `${unique('m')}.png`,
                size: png.length,
              },
            }
          : {}
      await check(rows.create, (actor) =>
        payload.create({ collection, data: spec.data() as never, ...file, ...as(actor) }),
      )
      const theirs = await spec.make()
      await check(rows.read, (actor) =>
        payload.findByID({ collection, id: theirs.id, ...as(actor) }),
      )
      await check(rows.updateOthers, (actor) =>
        payload.update({ collection, id: theirs.id, data: spec.change as never, ...as(actor) }),
      )
      await check(rows.deleteOthers, async (actor) =>
        payload.delete({ collection, id: (await spec.make()).id, ...as(actor) }),
      )
      if (rows.updateOwn) {
        await check(rows.updateOwn, async (actor) => {
          const own = await spec.make(actor as Staff)
          return payload.update({
            collection,
            id: own.id,
            data: spec.change as never,
            ...as(actor),
          })
        })
      }
      if (rows.deleteOwn) {
        await check(rows.deleteOwn, async (actor) =>
          payload.delete({ collection, id: (await spec.make(actor as Staff)).id, ...as(actor) }),
        )
      }
    }
  })

  it('articles: drafts, own work and publishing', async () => {
    const payload = await testPayload()
    const draftBy = (owner?: Staff) =>
      payload.create({
        collection: 'articles',
        data: articleData(ids, { _status: 'draft' }),
        draft: true,
        ...(owner ? { user: users[owner] } : {}),
      })
    const publishedBy = (owner?: Staff) =>
      payload.create({
        collection: 'articles',
        data: articleData(ids),
        ...(owner ? { user: users[owner] } : {}),
      })
    const asDraft = { draft: true, data: { dek: 'Rewritten dek.', _status: 'draft' as const } }

    await check([false, true, true, true], (actor) =>
      payload.create({
        collection: 'articles',
        data: articleData(ids, { _status: 'draft' }),
        draft: true,
        ...as(actor),
      }),
    )
    // Publishing on create.
    await check([false, false, true, true], (actor) =>
      payload.create({ collection: 'articles', data: articleData(ids), ...as(actor) }),
    )
    const published = await publishedBy('editor')
    const othersDraft = await draftBy('editor')
    await check(EVERYONE, (actor) =>
      payload.findByID({ collection: 'articles', id: published.id, ...as(actor) }),
    )
    await check(EDITORS, (actor) =>
      payload.findByID({ collection: 'articles', id: othersDraft.id, draft: true, ...as(actor) }),
    )
    await check(OWN, async (actor) =>
      payload.findByID({
        collection: 'articles',
        id: (await draftBy(actor as Staff)).id,
        draft: true,
        ...as(actor),
      }),
    )
    await check(EDITORS, (actor) =>
      payload.update({ collection: 'articles', id: othersDraft.id, ...asDraft, ...as(actor) }),
    )
    await check(OWN, async (actor) =>
      payload.update({
        collection: 'articles',
        id: (await draftBy(actor as Staff)).id,
        ...asDraft,
        ...as(actor),
      }),
    )
    // Publish: their own draft, and someone else's.
    await check([null, false, true, true], async (actor) =>
      payload.update({
        collection: 'articles',
        id: (await draftBy(actor as Staff)).id,
        data: { _status: 'published' },
        ...as(actor),
      }),
    )
    await check(EDITORS, async (actor) =>
      payload.update({
        collection: 'articles',
        id: (await draftBy('editor')).id,
        data: { _status: 'published' },
        ...as(actor),
      }),
    )
    // Unpublish an article of their own that an editor published.
    await check([null, false, true, true], async (actor) => {
      const article = await draftBy(actor as Staff)
      await payload.update({
        collection: 'articles',
        id: article.id,
        data: { _status: 'published' },
      })
      return payload.update({
        collection: 'articles',
        id: article.id,
        data: { _status: 'draft' },
        ...as(actor),
      })
    })
    await check(EDITORS, async (actor) =>
      payload.delete({
        collection: 'articles',
        id: (await publishedBy('editor')).id,
        ...as(actor),
      }),
    )
    await check(OWN, async (actor) =>
      payload.delete({
        collection: 'articles',
        id: (await draftBy(actor as Staff)).id,
        ...as(actor),
      }),
    )
  })

  it('comments: readers read approved ones; editors moderate', async () => {
    const payload = await testPayload()
    const article = await payload.create({ collection: 'articles', data: articleData(ids) })
    const comment = (status: 'approved' | 'pending') =>
      createComment(payload, article.id, { status })
    await check(STAFF, (actor) =>
      payload.create({
        collection: 'comments',
        data: commentData(article.id, { authorName: 'Staff', email: 'staff@example.com' }),
        ...as(actor),
      }),
    )
    const approved = await comment('approved')
    const pending = await comment('pending')
    await check(EVERYONE, (actor) =>
      payload.findByID({ collection: 'comments', id: approved.id, ...as(actor) }),
    )
    await check(STAFF, (actor) =>
      payload.findByID({ collection: 'comments', id: pending.id, ...as(actor) }),
    )
    // An approved comment is as hidden as its article: a draft's (an import's private post, an
    // unpublished story) are staff-only, by id and in lists.
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(ids, { _status: 'draft' }),
    })
    const onDraft = await createComment(payload, draft.id, { status: 'approved' })
    await check(STAFF, (actor) =>
      payload.findByID({ collection: 'comments', id: onDraft.id, ...as(actor) }),
    )
    const listed = await payload.find({
      collection: 'comments',
      where: { article: { in: [article.id, draft.id] } },
      ...as('anonymous'),
    })
    expect(listed.docs.map((doc) => doc.id)).toEqual([approved.id])
    // Approving is moderating.
    await check(EDITORS, async (actor) =>
      payload.update({
        collection: 'comments',
        id: (await comment('pending')).id,
        data: { status: 'approved' },
        ...as(actor),
      }),
    )
    await check(EDITORS, async (actor) =>
      payload.delete({ collection: 'comments', id: (await comment('pending')).id, ...as(actor) }),
    )
    await check(EDITORS, (actor) => payload.findGlobal({ slug: 'comment-settings', ...as(actor) }))
    // The limit as it stands: other test files share the database and its flood control.
    const { hourlyLimit } = await payload.findGlobal({ slug: 'comment-settings' })
    await check(EDITORS, (actor) =>
      payload.updateGlobal({
        slug: 'comment-settings',
        data: { hourlyLimit },
        ...as(actor),
      }),
    )
  })

  it('users: admins manage accounts; everyone else only their own, never a role', async () => {
    const payload = await testPayload()
    const account = () => createUser(payload, 'author', { name: 'Someone' })
    const ADMINS: Row = [false, false, false, true]
    await check(ADMINS, (actor) =>
      payload.create({
        collection: 'users',
        data: userData('author', { name: 'New' }),
        ...as(actor),
      }),
    )
    const other = await account()
    await check(ADMINS, (actor) =>
      payload.findByID({ collection: 'users', id: other.id, ...as(actor) }),
    )
    await check(ADMINS, (actor) =>
      payload.update({
        collection: 'users',
        id: other.id,
        data: { name: 'Changed' },
        ...as(actor),
      }),
    )
    await check(ADMINS, async (actor) =>
      payload.delete({ collection: 'users', id: (await account()).id, ...as(actor) }),
    )
    await check(OWN, (actor) =>
      payload.findByID({ collection: 'users', id: users[actor as Staff].id, ...as(actor) }),
    )
    await check(OWN, (actor) =>
      payload.update({
        collection: 'users',
        id: users[actor as Staff].id,
        data: { name: `Matrix ${actor}` },
        ...as(actor),
      }),
    )

    // Promoting oneself is ignored, not obeyed.
    await payload.update({
      collection: 'users',
      id: users.author.id,
      data: { role: 'admin' },
      ...as('author'),
    })
    await payload.update({
      collection: 'users',
      id: users.editor.id,
      data: { role: 'admin' },
      ...as('editor'),
    })
    const after = await payload.find({
      collection: 'users',
      where: { id: { in: [users.author.id, users.editor.id] } },
      sort: 'id',
    })
    expect(after.docs.map((user) => user.role)).toEqual(['author', 'editor'])

    // Only an admin unlocks an account (REST: POST /api/users/unlock).
    const unlock = async (actor: Actor) => {
      const target = await account()
      const response = await rest(
        'POST',
        'users/unlock',
        { email: target.email },
        actor === 'anonymous' ? undefined : tokens[actor],
      )
      return response.status
    }
    expect([
      await unlock('anonymous'),
      await unlock('author'),
      await unlock('editor'),
      await unlock('admin'),
    ]).toEqual([403, 403, 403, 200])
  })
})

describe('what an author could try by hand through REST', () => {
  it('cannot publish by sending _status: published, on create or on update', async () => {
    const token = tokens.author
    const created = await rest('POST', 'articles', articleData(ids), token)
    expect(created.status).toBe(403)

    const draft = await rest(
      'POST',
      'articles?draft=true',
      articleData(ids, { _status: 'draft' }),
      token,
    )
    expect(draft.status).toBe(201)
    const { doc } = await draft.json()
    const publish = await rest('PATCH', `articles/${doc.id}`, { _status: 'published' }, token)
    expect(publish.status).toBe(403)
    const payload = await testPayload()
    const stored = await payload.findByID({ collection: 'articles', id: doc.id })
    expect(stored._status).toBe('draft')
    // Their own draft they may keep writing.
    const edit = await rest('PATCH', `articles/${doc.id}?draft=true`, { dek: 'Better dek.' }, token)
    expect(edit.status).toBe(200)
  })

  it("cannot edit another author's article, nor unpublish their own", async () => {
    const payload = await testPayload()
    const others = await payload.create({
      collection: 'articles',
      data: articleData(ids, { _status: 'draft' }),
      draft: true,
      user: users.editor,
    })
    const edit = await rest(
      'PATCH',
      `articles/${others.id}?draft=true`,
      { headline: 'Hijacked' },
      tokens.author,
    )
    expect([403, 404]).toContain(edit.status)
    expect(
      (await payload.findByID({ collection: 'articles', id: others.id, draft: true })).headline,
    ).not.toBe('Hijacked')

    const mine = await payload.create({
      collection: 'articles',
      data: articleData(ids, { _status: 'draft' }),
      draft: true,
      user: users.author,
    })
    await payload.update({ collection: 'articles', id: mine.id, data: { _status: 'published' } })
    const unpublish = await rest(
      'PATCH',
      `articles/${mine.id}`,
      { _status: 'draft' },
      tokens.author,
    )
    expect(unpublish.status).toBe(403)
    expect((await payload.findByID({ collection: 'articles', id: mine.id }))._status).toBe(
      'published',
    )
    // A draft version on top of it is fine; readers keep the published one.
    const draftOnTop = await rest(
      'PATCH',
      `articles/${mine.id}?draft=true`,
      { dek: 'Next version.' },
      tokens.author,
    )
    expect(draftOnTop.status, await draftOnTop.clone().text()).toBe(200)
  })

  it('cannot forge who created an article', async () => {
    const response = await rest(
      'POST',
      'articles?draft=true',
      articleData(ids, { _status: 'draft', createdBy: users.editor.id }),
      tokens.author,
    )
    const { doc } = await response.json()
    const payload = await testPayload()
    const stored = await payload.findByID({
      collection: 'articles',
      id: doc.id,
      draft: true,
      depth: 0,
    })
    expect(stored.createdBy).toBe(users.author.id)
  })
})
