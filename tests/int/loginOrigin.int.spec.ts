import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { siteOrigins } from '@/lib/origins'

import { createUser, publishedArticle } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

/**
 * A page on another site can make a logged-in editor's browser send requests
 * to the API with the login cookie; Payload must not honour the cookie from
 * any origin but the site's own (payload.config.ts: cors and csrf).
 */
let payload: Payload
let cookie: string
let articleId: number

beforeAll(async () => {
  payload = await testPayload()
  const editor = await createUser(payload, 'editor')
  cookie = `payload-token=${await logIn(editor.email)}`
  articleId = (await publishedArticle(payload)).id
}, 120_000)

describe('the login cookie', () => {
  it('is honoured on requests from the site’s own pages', async () => {
    const me = await rest('GET', 'users/me', undefined, undefined, {
      cookie,
      origin: siteOrigins[0]!,
    })
    expect((await me.json()).user).not.toBeNull()
  })

  it('is ignored on requests from a page on another origin, and no CORS grant goes back', async () => {
    const me = await rest('GET', 'users/me', undefined, undefined, {
      cookie,
      origin: 'https://evil.example',
    })
    expect((await me.json()).user).toBeNull()
    expect(me.headers.get('access-control-allow-origin')).not.toBe('https://evil.example')

    const edit = await rest('PATCH', `articles/${articleId}`, { dek: 'Forged' }, undefined, {
      cookie,
      origin: 'https://evil.example',
    })
    expect(edit.status).toBe(403)
    const stored = await payload.findByID({ collection: 'articles', id: articleId })
    expect(stored.dek).not.toBe('Forged')
  })
})
