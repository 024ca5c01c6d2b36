import type { Payload, RequestContext } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pathKey, purgeKeys, surrogateKeys } from '@/edge/keys'
import type { Invalidation } from '@/revalidation/invalidate'

import { articleData, createUser, seededIds } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

let payload: Payload
let ids: Awaited<ReturnType<typeof seededIds>>

beforeAll(async () => {
  payload = await testPayload()
  ids = await seededIds(payload)
})

afterAll(async () => {
  await payload.updateGlobal({
    slug: 'front-page',
    data: { lead: null, topStories: [], deskRails: [], _status: 'published' },
  })
})

describe('the front page', () => {
  it('refuses to publish with a draft pinned as the lead, naming the story; a draft of the front page may hold it', async () => {
    const editor = await createUser(payload, 'editor')
    const token = await logIn(editor.email)
    const story = await payload.create({
      collection: 'articles',
      data: articleData(ids, { headline: 'Ferry strike talks resume', _status: 'draft' }),
      draft: true,
    })

    const refused = await rest(
      'POST',
      'globals/front-page',
      { lead: story.id, _status: 'published' },
      token,
    )
    expect(refused.status).toBe(400)
    const body = await refused.json()
    expect(body.errors[0].message).toBe(
      '“Ferry strike talks resume” is pinned as the lead but is not published, so the front page cannot be published with it. Publish the story first, or pick another.',
    )
    const published = await payload.findGlobal({ slug: 'front-page', depth: 0 })
    expect(published.lead ?? null).not.toBe(story.id)

    const draft = await rest(
      'POST',
      'globals/front-page?draft=true',
      { lead: story.id, _status: 'draft' },
      token,
    )
    expect(draft.status).toBe(200)
    const latestDraft = await payload.findGlobal({ slug: 'front-page', depth: 0, draft: true })
    expect(latestDraft.lead).toBe(story.id)
  })

  it('refuses a draft pinned among the top stories, naming its slot', async () => {
    const live = await payload.create({ collection: 'articles', data: articleData(ids) })
    const hidden = await payload.create({
      collection: 'articles',
      data: articleData(ids, { headline: 'Council budget leak', _status: 'draft' }),
      draft: true,
    })
    await expect(
      payload.updateGlobal({
        slug: 'front-page',
        data: {
          lead: null,
          topStories: [{ article: live.id }, { article: hidden.id }],
          _status: 'published',
        },
      }),
    ).rejects.toThrow(
      '“Council budget leak” is pinned as top story 2 but is not published, so the front page cannot be published with it. Publish the story first, or pick another.',
    )
  })

  it('a published front page purges the home page at the proxy', async () => {
    const invalidations: Invalidation[] = []
    const context: RequestContext = { invalidations }
    const story = await payload.create({ collection: 'articles', data: articleData(ids) })
    await payload.updateGlobal({
      slug: 'front-page',
      data: { lead: story.id, topStories: [], _status: 'published' },
      context,
    })
    const purged = new Set(invalidations.flatMap((i) => Object.values(purgeKeys(i)).flat()))
    const homeKeys = surrogateKeys('/')!
    expect(homeKeys).toContain('front-page')
    expect(purged.has('front-page')).toBe(true)
    expect(purged.has(pathKey('/'))).toBe(true)
    // Article pages do not show the front page's pins.
    expect(surrogateKeys('/technology/some-story')).not.toContain('front-page')
  })
})
