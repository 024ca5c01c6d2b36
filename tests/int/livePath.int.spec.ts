import { beforeAll, describe, expect, it } from 'vitest'

import { articleData, createUser, seededIds } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

let ids: Awaited<ReturnType<typeof seededIds>>
let token: string

beforeAll(async () => {
  const payload = await testPayload()
  ids = await seededIds(payload)
  token = await logIn((await createUser(payload, 'editor', { name: 'Live Path Editor' })).email)
})

const livePath = async (id: number | string, auth = token) => {
  const response = await rest('GET', `articles/${id}/live`, undefined, auth)
  return { status: response.status, body: await response.json() }
}

describe('GET /api/articles/:id/live, behind "View on site"', () => {
  it('names nothing before the first publish, then the published address, not a later draft’s', async () => {
    const payload = await testPayload()
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(ids, { _status: 'draft', headline: 'Night buses return' }),
      draft: true,
    })
    expect(await livePath(draft.id)).toEqual({ status: 200, body: { path: null } })

    await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } })
    expect((await livePath(draft.id)).body.path).toBe('/technology/night-buses-return')

    // A draft that renames the slug is not live yet: the link still opens the live page.
    await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { slug: 'night-buses-are-back', _status: 'draft' },
      draft: true,
    })
    expect((await livePath(draft.id)).body.path).toBe('/technology/night-buses-return')
  })

  it('answers readers 401 and a malformed id 400, with a sentence', async () => {
    expect((await rest('GET', 'articles/1/live')).status).toBe(401)
    const bad = await livePath('abc')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/by its number/)
  })
})
