import { beforeAll, describe, expect, it } from 'vitest'

import { articleData, createUser, seededIds } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

const tokens = {} as Record<'author' | 'otherAuthor' | 'editor', string>
let ids: Awaited<ReturnType<typeof seededIds>>

beforeAll(async () => {
  const payload = await testPayload()
  ids = await seededIds(payload)
  for (const [key, role] of [
    ['author', 'author'],
    ['otherAuthor', 'author'],
    ['editor', 'editor'],
  ] as const) {
    const user = await createUser(payload, role, { name: `Review ${key}` })
    tokens[key] = await logIn(user.email)
  }
})

type Doc = {
  id: number
  headline?: string
  reviewStatus?: string
  reviewNote?: string | null
  _status?: string
}

async function save(role: keyof typeof tokens, id: number, data: object, draft = true) {
  const response = await rest(
    'PATCH',
    `articles/${id}${draft ? '?draft=true' : ''}`,
    data,
    tokens[role],
  )
  const body = await response.json()
  // The messages a person sees beside the fields (or the refusal itself).
  const errors = (body.errors ?? []) as {
    message: string
    data?: { errors?: { message: string }[] }
  }[]
  const message = errors
    .flatMap((error) => [error.message, ...(error.data?.errors ?? []).map((e) => e.message)])
    .join('\n')
  return { status: response.status, doc: body.doc as Doc, message }
}

async function latest(role: keyof typeof tokens, id: number): Promise<Doc> {
  const response = await rest('GET', `articles/${id}?draft=true&depth=0`, undefined, tokens[role])
  return (await response.json()) as Doc
}

async function authorDraft(): Promise<number> {
  const response = await rest(
    'POST',
    'articles?draft=true',
    articleData(ids, { _status: 'draft' }),
    tokens.author,
  )
  expect(response.status).toBe(201)
  const { doc } = (await response.json()) as { doc: Doc }
  expect(doc.reviewStatus).toBe('draft')
  return doc.id
}

async function waiting(role: keyof typeof tokens, state: string): Promise<number[]> {
  const response = await rest(
    'GET',
    `articles?draft=true&depth=0&limit=500&where[reviewStatus][equals]=${state}`,
    undefined,
    tokens[role],
  )
  return ((await response.json()).docs as Doc[]).map((doc) => doc.id)
}

describe('review: draft → in review → published', () => {
  it('an author submits; the editor sees it waiting, sends it back with a note; the author resubmits; the editor publishes', async () => {
    const id = await authorDraft()

    const submitted = await save('author', id, { reviewStatus: 'in_review' })
    expect(submitted.status).toBe(200)
    expect(submitted.doc.reviewStatus).toBe('in_review')
    expect(await waiting('editor', 'in_review')).toContain(id)

    const noNote = await save('editor', id, { reviewStatus: 'sent_back' })
    expect(noNote.status).toBe(400)
    expect(noNote.message).toMatch(/Say what needs changing/)
    expect((await latest('editor', id)).reviewStatus).toBe('in_review')

    const sentBack = await save('editor', id, {
      reviewStatus: 'sent_back',
      reviewNote: 'Add a source for the second figure.',
    })
    expect(sentBack.status).toBe(200)
    const seenByAuthor = await latest('author', id)
    expect(seenByAuthor.reviewStatus).toBe('sent_back')
    expect(seenByAuthor.reviewNote).toBe('Add a source for the second figure.')
    expect(await waiting('editor', 'in_review')).not.toContain(id)
    expect(await waiting('author', 'sent_back')).toContain(id)

    expect((await save('author', id, { reviewStatus: 'in_review' })).doc.reviewStatus).toBe(
      'in_review',
    )

    const published = await save('editor', id, { _status: 'published' }, false)
    expect(published.status).toBe(200)
    expect(published.doc.reviewStatus).toBe('published')
    expect(published.doc.reviewNote ?? null).toBeNull()

    // A change saved straight to the live article keeps it published...
    const direct = await save('editor', id, { breaking: true }, false)
    expect(direct.doc.reviewStatus).toBe('published')
    // ...while a draft over the live article starts its review again.
    const edited = await save('editor', id, { dek: 'A better dek.' })
    expect(edited.doc.reviewStatus).toBe('draft')
  })

  it('an author may take a submission back, but cannot send back, mark published, write the editor’s note or publish', async () => {
    const id = await authorDraft()
    expect((await save('author', id, { reviewStatus: 'in_review' })).status).toBe(200)

    const sendBack = await save('author', id, { reviewStatus: 'sent_back' })
    expect(sendBack.status).toBe(400)
    expect(sendBack.message).toMatch(
      /Authors cannot move an article from "In review" to "Sent back"/,
    )

    const markPublished = await save('author', id, { reviewStatus: 'published' })
    expect(markPublished.status).toBe(400)
    expect(markPublished.message).toMatch(/by publishing it/)

    const note = await save('author', id, { reviewNote: 'Looks great to me!' })
    expect(note.status).toBe(200)
    expect((await latest('editor', id)).reviewNote ?? null).toBeNull()

    expect((await save('author', id, { _status: 'published' }, false)).status).toBe(403)

    expect((await save('author', id, { reviewStatus: 'draft' })).doc.reviewStatus).toBe('draft')
  })

  it('another author can neither submit nor see someone else’s draft; readers never see the review fields', async () => {
    const id = await authorDraft()
    await save('author', id, { reviewStatus: 'in_review' })
    expect((await save('otherAuthor', id, { reviewStatus: 'draft' })).status).toBe(403)
    expect(await waiting('otherAuthor', 'in_review')).not.toContain(id)

    await save('editor', id, { reviewStatus: 'sent_back', reviewNote: 'Needs a second source.' })
    // Versions hold drafts and notes: another author sees none of this article's.
    const versions = async (role: keyof typeof tokens) => {
      const response = await rest(
        'GET',
        `articles/versions?depth=0&limit=100&where[parent][equals]=${id}`,
        undefined,
        tokens[role],
      )
      expect(response.status).toBe(200)
      return ((await response.json()).docs as { version: Doc }[]).map((doc) => doc.version)
    }
    expect(await versions('otherAuthor')).toEqual([])
    const own = await versions('author')
    expect(own.length).toBeGreaterThan(0)
    expect(own.some((version) => version.reviewNote === 'Needs a second source.')).toBe(true)

    const published = await save('editor', id, { _status: 'published' }, false)
    expect(published.doc._status).toBe('published')
    // A reader gets the published article itself, without the review fields.
    const anonymous = await rest('GET', `articles/${id}?depth=0`)
    expect(anonymous.status).toBe(200)
    const body = await anonymous.json()
    expect(body).toMatchObject({ id, headline: published.doc.headline, _status: 'published' })
    expect(body).not.toHaveProperty('reviewStatus')
    expect(body).not.toHaveProperty('reviewNote')
  })
})

describe('a refused move, as the admin shows it', () => {
  it('a refused autosave answers with the server’s sentence, not “The following field is invalid”', async () => {
    const id = await authorDraft()
    await save('author', id, { reviewStatus: 'in_review' })
    // An autosave from a form that still offers a move authors cannot make from "In review".
    const response = await rest(
      'PATCH',
      `articles/${id}?draft=true&autosave=true`,
      { reviewStatus: 'sent_back' },
      tokens.author,
    )
    expect(response.status).toBe(400)
    // The admin's toast prints the first error's message.
    const [first] = (await response.json()).errors as { message: string }[]
    expect(first!.message).toBe('Authors cannot move an article from "In review" to "Sent back".')
    expect(first!.message).not.toMatch(/field is invalid/)
  })

  it('sending back without a note names what to write, in words the toast shows whole', async () => {
    const id = await authorDraft()
    await save('author', id, { reviewStatus: 'in_review' })
    const response = await rest(
      'PATCH',
      `articles/${id}?draft=true`,
      { reviewStatus: 'sent_back' },
      tokens.editor,
    )
    expect(response.status).toBe(400)
    const [first] = (await response.json()).errors as { message: string }[]
    // No colon: the admin's toast splits a message at its first colon into a list.
    expect(first!.message).toBe(
      'Say what needs changing in the note for the author; they see it when it is sent back.',
    )
  })
})
