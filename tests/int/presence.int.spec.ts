import { randomUUID } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'

import { createUser, publishedArticle, seededIds, articleData } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

type Role = 'maya' | 'sam' | 'author' | 'owner'
const tokens = {} as Record<Role, string>
const names = { maya: 'Maya Presence', sam: 'Sam Presence' }
let article: Article
let ownersDraft: Article

beforeAll(async () => {
  const payload = await testPayload()
  for (const [key, role, name] of [
    ['maya', 'editor', names.maya],
    ['sam', 'editor', names.sam],
    ['author', 'author', 'Other Author'],
    ['owner', 'author', 'Owning Author'],
  ] as const) {
    const user = await createUser(payload, role, { name })
    tokens[key] = await logIn(user.email)
  }
  article = await publishedArticle(payload)
  const ids = await seededIds(payload)
  const draft = await rest(
    'POST',
    'articles?draft=true',
    articleData(ids, { _status: 'draft' }),
    tokens.owner,
  )
  ownersDraft = ((await draft.json()) as { doc: Article }).doc
})

interface Heartbeat {
  status: number
  cacheControl: string | null
  body: {
    takenOverBy?: { name: string; at: string } | null
    others?: { name: string; section: { id: string; heading: string } | null }[]
    errors?: { message: string }[]
  }
}

async function call(
  method: 'POST' | 'DELETE',
  path: string,
  body: unknown,
  who?: Role,
): Promise<Heartbeat> {
  const response = await rest(method, path, body, who ? tokens[who] : undefined)
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as Heartbeat['body'],
  }
}

const beat = (who: Role, session: string, section: unknown = null, id = article.id) =>
  call('POST', `articles/${id}/presence`, { session, section }, who)

/** Makes a tab's last heartbeat `seconds` old, as if that much time had passed. */
async function age(session: string, seconds: number) {
  const payload = await testPayload()
  await payload.db.drizzle.execute(
    sql`UPDATE article_presence SET seen_at = now() - make_interval(secs => ${seconds}::int) WHERE session_id = ${session}`,
  )
}

describe('presence: who may send and read it', () => {
  it('refuses a visitor who is not logged in, with a sentence and no caching', async () => {
    const answer = await beat(undefined as unknown as Role, randomUUID())
    expect(answer.status).toBe(401)
    expect(answer.body.errors?.[0]?.message).toBe('Log in to the admin to see who is editing.')
    expect(answer.cacheControl).toBe('no-store, private')
  })

  it('refuses an author on a published story they cannot edit (403), and one they cannot see (404)', async () => {
    const published = await beat('author', randomUUID())
    expect(published.status).toBe(403)
    expect(published.body.errors?.[0]?.message).toMatch(/cannot edit this article/)
    const othersDraft = await beat('author', randomUUID(), null, ownersDraft.id)
    expect(othersDraft.status).toBe(404)
    expect(othersDraft.body.errors?.[0]?.message).toBe(
      `There is no article ${ownersDraft.id} you can open.`,
    )
  })

  it('lets the author who owns a draft, and any editor, share presence on it', async () => {
    const owner = randomUUID()
    expect((await beat('owner', owner, null, ownersDraft.id)).status).toBe(200)
    const seen = await beat('maya', randomUUID(), null, ownersDraft.id)
    expect(seen.status).toBe(200)
    expect(seen.body.others?.map((other) => other.name)).toEqual(['Owning Author'])
  })

  it('answers 400 with what to send for a bad id, session or section', async () => {
    const badId = await call('POST', 'articles/12x/presence', { session: randomUUID() }, 'maya')
    expect(badId.status).toBe(400)
    expect(badId.body.errors?.[0]?.message).toMatch(/whole number/)
    const badSession = await beat('maya', 'not-a-uuid')
    expect(badSession.status).toBe(400)
    expect(badSession.body.errors?.[0]?.message).toMatch(/^session: .*UUID/)
    const longHeading = await beat('maya', randomUUID(), { id: 'row', heading: 'x'.repeat(301) })
    expect(longHeading.status).toBe(400)
    expect(longHeading.body.errors?.[0]?.message).toMatch(/section\.heading: .*300/)
    const missing = await call(
      'POST',
      'articles/2147483647/presence',
      { session: randomUUID() },
      'maya',
    )
    expect(missing.status).toBe(404)
  })
})

describe('presence: who else is here', () => {
  it('shows the other editor by name and section, never yourself, and forgets a tab 15 s after its last heartbeat', async () => {
    const maya = randomUUID()
    const sam = randomUUID()
    await beat('maya', maya, { id: 'row-2', heading: 'What the council decided' })
    const samSees = await beat('sam', sam)
    expect(samSees.status).toBe(200)
    expect(samSees.cacheControl).toBe('no-store, private')
    expect(samSees.body.others).toEqual([
      expect.objectContaining({
        name: names.maya,
        section: { id: 'row-2', heading: 'What the council decided' },
      }),
    ])
    const mayaSees = await beat('maya', maya, { id: 'row-2', heading: 'What the council decided' })
    expect(mayaSees.body.others?.map((other) => other.name)).toEqual([names.sam])

    await age(maya, 14)
    expect((await beat('sam', sam)).body.others?.map((other) => other.name)).toEqual([names.maya])
    await age(maya, 16)
    expect((await beat('sam', sam)).body.others).toEqual([])
  })

  it('forgets a tab at once when it closes', async () => {
    const maya = randomUUID()
    const sam = randomUUID()
    await beat('maya', maya)
    expect((await beat('sam', sam)).body.others?.map((other) => other.name)).toEqual([names.maya])
    const left = await call(
      'DELETE',
      `articles/${article.id}/presence?session=${maya}`,
      undefined,
      'maya',
    )
    expect(left.status).toBe(200)
    expect((await beat('sam', sam)).body.others).toEqual([])
  })

  it('ignores a session id sent for someone else', async () => {
    const maya = randomUUID()
    await beat('maya', maya, { id: 'row-1', heading: 'Mine' })
    await beat('sam', maya, { id: 'row-9', heading: 'Not mine' })
    const seen = await beat('sam', randomUUID())
    expect(seen.body.others).toEqual([
      expect.objectContaining({ name: names.maya, section: { id: 'row-1', heading: 'Mine' } }),
    ])
    await call('DELETE', `articles/${article.id}/presence?session=${maya}`, undefined, 'maya')
  })
})

describe('presence: take over', () => {
  it("tells the other tab who took over, and refuses that tab's saves with a 409 naming them", async () => {
    const payload = await testPayload()
    const story = await publishedArticle(payload, { headline: 'Before the take-over' })
    const maya = randomUUID()
    const sam = randomUUID()
    await call('POST', `articles/${story.id}/presence`, { session: sam }, 'sam')
    await call('POST', `articles/${story.id}/presence`, { session: maya }, 'maya')

    const taken = await call(
      'POST',
      `articles/${story.id}/presence/take-over`,
      { session: maya },
      'maya',
    )
    expect(taken.status).toBe(200)
    expect(taken.body).toEqual({ tookOverFrom: [names.sam] })

    const told = await call('POST', `articles/${story.id}/presence`, { session: sam }, 'sam')
    expect(told.body.takenOverBy?.name).toBe(names.maya)
    // Maya no longer sees Sam's tab, which has stopped editing.
    const mayaSees = await call('POST', `articles/${story.id}/presence`, { session: maya }, 'maya')
    expect(mayaSees.body.others).toEqual([])

    const stale = await rest(
      'PATCH',
      `articles/${story.id}?draft=true&autosave=true`,
      { headline: 'Sam overwrites', editSession: sam },
      tokens.sam,
    )
    expect(stale.status).toBe(409)
    const { errors } = (await stale.json()) as { errors: { message: string }[] }
    expect(errors[0]?.message).toMatch(
      new RegExp(
        `^${names.maya} took over this story at \\d\\d:\\d\\d UTC, so this save was not made\\.`,
      ),
    )
    const stored = await payload.findByID({ collection: 'articles', id: story.id, draft: true })
    expect(stored.headline).toBe('Before the take-over')

    // Maya's own tab saves as usual, and so does a script that sends no session.
    const mine = await rest(
      'PATCH',
      `articles/${story.id}?draft=true`,
      { headline: 'Maya keeps it', editSession: maya },
      tokens.maya,
    )
    expect(mine.status).toBe(200)
    const script = await rest(
      'PATCH',
      `articles/${story.id}?draft=true`,
      { dek: 'Sent by a script.' },
      tokens.sam,
    )
    expect(script.status).toBe(200)
  })

  it('keeps refusing the taken-over tab after its presence has expired', async () => {
    const payload = await testPayload()
    const story = await publishedArticle(payload)
    const sam = randomUUID()
    await call('POST', `articles/${story.id}/presence`, { session: sam }, 'sam')
    await age(sam, 60)
    await call('POST', `articles/${story.id}/presence/take-over`, { session: randomUUID() }, 'maya')
    const stale = await rest(
      'PATCH',
      `articles/${story.id}?draft=true`,
      { headline: 'Woke up', editSession: sam },
      tokens.sam,
    )
    expect(stale.status).toBe(409)
  })

  it('refuses a take-over by someone who may not edit the story', async () => {
    const answer = await call(
      'POST',
      `articles/${article.id}/presence/take-over`,
      { session: randomUUID() },
      'author',
    )
    expect(answer.status).toBe(403)
  })
})
