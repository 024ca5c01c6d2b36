import { randomUUID } from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'

import { POST } from '../../../app/(frontend)/next/comments/route'
import { articleData, publishedArticle, seededIds } from '../../support/factories'
import { commentFields, reader, submitAs } from '../../support/comments'
import { testPayload } from '../../support/payload'

let article: Article

beforeAll(async () => {
  article = await publishedArticle(await testPayload())
})

async function countFor(articleId: number): Promise<number> {
  const payload = await testPayload()
  return (
    await payload.count({ collection: 'comments', where: { article: { equals: articleId } } })
  ).totalDocs
}

/** A request to the public comment endpoint, handled in this process. */
function post(body: BodyInit, headers: Record<string, string>, address = reader().address) {
  return POST(
    new Request('http://localhost/next/comments', {
      method: 'POST',
      headers: { 'x-forwarded-for': address, ...headers },
      body,
    }),
  )
}

const json = (fields: unknown, address?: string) =>
  post(JSON.stringify(fields), { 'content-type': 'application/json' }, address)

describe('concurrent submissions', () => {
  it('stores exactly 200 rows for 200 valid comments sent at once', async () => {
    const payload = await testPayload()
    const target = await publishedArticle(payload)
    const results = await Promise.all(
      Array.from({ length: 200 }, () => {
        const who = reader()
        return submitAs(payload, who, commentFields(target.id, who, { key: randomUUID() }))
      }),
    )
    expect(results.every((result) => result.status === 201)).toBe(true)
    expect(new Set(results.map((result) => result.id)).size).toBe(200)
    expect(await countFor(target.id)).toBe(200)
  }, 120_000)

  it('creates one comment for the same submission key sent five times at once', async () => {
    const payload = await testPayload()
    const target = await publishedArticle(payload)
    const who = reader()
    const fields = commentFields(target.id, who, { key: randomUUID() })
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submitAs(payload, who, fields)),
    )
    expect(new Set(results.map((result) => result.id)).size).toBe(1)
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 201])
    expect(await countFor(target.id)).toBe(1)
  })

  it('answers a retried plain-form post (no key) with the first result', async () => {
    const payload = await testPayload()
    const target = await publishedArticle(payload)
    const who = reader()
    const fields = commentFields(target.id, who)
    const first = await submitAs(payload, who, fields)
    const retry = await submitAs(payload, who, fields)
    expect(retry).toMatchObject({ status: 200, id: first.id })
    expect(await countFor(target.id)).toBe(1)
  })
})

describe('the comment endpoint', () => {
  it('answers JSON with 201 and the awaiting-moderation message', async () => {
    const who = reader()
    const response = await json(commentFields(article.id, who), who.address)
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({
      ok: true,
      status: 'pending',
      message: expect.stringMatching(/awaiting moderation/),
    })
  })

  it('redirects a plain form post back to the article with a notice', async () => {
    const who = reader()
    const fields = commentFields(article.id, who) as Record<string, string>
    const response = await post(
      new URLSearchParams(fields).toString(),
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
      who.address,
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/^\/technology\/[\w-]+#comment-received$/)
  })

  it('redirects a refused plain form post to a notice naming the problem', async () => {
    const who = reader()
    const fields = commentFields(article.id, who, { name: '' }) as Record<string, string>
    const response = await post(new URLSearchParams(fields).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/#comment-error-name$/)
  })

  it('sends a flooding plain form post back to the article, told to wait', async () => {
    const who = reader()
    const form = () =>
      post(
        new URLSearchParams(commentFields(article.id, who) as Record<string, string>).toString(),
        { 'content-type': 'application/x-www-form-urlencoded' },
        who.address,
      )
    await form()
    const response = await form()
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/^\/technology\/[\w-]+#comment-error-wait$/)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('answers flooding with 429, Retry-After and a message a person understands', async () => {
    const who = reader()
    await json(commentFields(article.id, who), who.address)
    const response = await json(commentFields(article.id, who), who.address)
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /wait \d+ seconds/,
    )
  })
})

describe('bad input gets a 4xx naming the problem, and writes nothing', () => {
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    [
      'a body over 64 KB',
      () => json({ ...commentFields(1, reader()), body: 'x'.repeat(70_000) }),
      413,
      /64 KB/,
    ],
    [
      'a non-JSON body sent as JSON',
      () => post('{"name": "Ada",', { 'content-type': 'application/json' }),
      400,
      /not valid JSON/,
    ],
    [
      'a JSON array',
      () => post('[1,2]', { 'content-type': 'application/json' }),
      400,
      /object of fields/,
    ],
    [
      'an unsupported content type',
      () => post('hello', { 'content-type': 'text/plain' }),
      415,
      /JSON/,
    ],
    ['no fields at all', () => json({}), 400, /article: .*missing.*name: .*email: .*body: /],
    [
      'fields of the wrong type',
      () => json({ ...commentFields(1, reader()), name: { $gt: '' }, article: 'abc' }),
      400,
      /article: .*whole number.*name: The name must be text/,
    ],
    [
      'a malformed email',
      () => json(commentFields(1, reader(), { email: 'not-an-email' })),
      400,
      /email: Please enter a valid email/,
    ],
    [
      'a comment of 5,001 characters',
      () => json(commentFields(1, reader(), { body: 'a'.repeat(5001) })),
      400,
      /body: Comments are limited to 5,000 characters/,
    ],
    [
      'a NUL byte',
      () => json(commentFields(1, reader(), { body: 'before\u0000after' })),
      400,
      /body: .*control characters/,
    ],
    [
      'a name of 81 characters',
      () => json(commentFields(1, reader(), { name: 'n'.repeat(81) })),
      400,
      /name: Names are limited to 80/,
    ],
    [
      'an article id beyond what the database holds',
      () => json(commentFields(1, reader(), { article: 99_999_999_999 })),
      400,
      /article: The article does not exist/,
    ],
    [
      'a parent id beyond what the database holds',
      () => json(commentFields(1, reader(), { parent: 2_147_483_648 })),
      400,
      /parent: The comment you reply to does not exist/,
    ],
    [
      'an email address whose domain ends in a hyphen',
      () => json(commentFields(article.id, reader(), { email: 'user@example-.com' })),
      400,
      /^email: /,
    ],
    [
      'a submission key that is not a UUID',
      () => json(commentFields(1, reader(), { key: "1' OR '1'='1" })),
      400,
      /key: .*UUID/,
    ],
  ]

  for (const [what, send, status, message] of cases) {
    it(`refuses ${what} with ${status}`, async () => {
      const before = await countFor(article.id)
      const response = await send()
      expect(response.status).toBe(status)
      const body = (await response.json()) as { ok: boolean; error: { message: string } }
      expect(body.ok).toBe(false)
      expect(body.error.message).toMatch(message)
      expect(await countFor(article.id)).toBe(before)
    })
  }

  it('refuses a comment on an article that does not exist, or is not published', async () => {
    const payload = await testPayload()
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(await seededIds(payload), { _status: 'draft' }),
      draft: true,
    })
    for (const id of [draft.id, 99_999_999]) {
      const who = reader()
      const response = await json(commentFields(id, who), who.address)
      expect(response.status).toBe(404)
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /^article: This article does not exist or is not published/,
      )
    }
    expect(await countFor(draft.id)).toBe(0)
  })

  it('refuses a parent from another article', async () => {
    const payload = await testPayload()
    const other = await publishedArticle(payload)
    const who = reader()
    const { id: parent } = await submitAs(payload, who, commentFields(other.id, who))
    await payload.update({ collection: 'comments', id: parent, data: { status: 'approved' } })
    const response = await json(commentFields(article.id, reader(), { parent }))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^parent: /,
    )
  })
})

describe('plain form posts', () => {
  it('with a huge article id and missing fields get a 400, not a server error', async () => {
    const response = await post('article=99999999999&name=', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(response.status).toBe(400)
  })

  it('in multipart form data are read, whatever the case of the boundary', async () => {
    const who = reader()
    const fields = commentFields(article.id, who) as Record<string, string | number>
    const boundary = '----WebKitFormBoundaryAbCdEfGh12'
    const body =
      Object.entries(fields)
        .map(
          ([name, value]) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        )
        .join('') + `--${boundary}--\r\n`
    const response = await post(
      body,
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
      who.address,
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/#comment-received$/)
  })

  it('without a key count as a retry only within the duplicate window', async () => {
    const payload = await testPayload()
    const target = await publishedArticle(payload)
    const who = reader()
    const fields = commentFields(target.id, who, { body: 'Thank you!' })
    const first = await submitAs(payload, who, fields)
    expect((await submitAs(payload, who, fields)).id).toBe(first.id)
    const weeksLater = await submitAs(payload, who, fields, {
      now: new Date(Date.now() + 21 * 86_400_000),
    })
    expect(weeksLater.status).toBe(201)
    expect(weeksLater.id).not.toBe(first.id)
    expect(await countFor(target.id)).toBe(2)
  })
})

describe('deleting an article', () => {
  it('deletes its discussion with it, replies included', async () => {
    const payload = await testPayload()
    const doomed = await publishedArticle(payload)
    const who = reader()
    const { id: parent } = await submitAs(payload, who, commentFields(doomed.id, who))
    await payload.update({ collection: 'comments', id: parent, data: { status: 'approved' } })
    const other = reader()
    await submitAs(payload, other, commentFields(doomed.id, other, { parent }))
    expect(await countFor(doomed.id)).toBe(2)
    await payload.delete({ collection: 'articles', id: doomed.id })
    expect(await countFor(doomed.id)).toBe(0)
  })
})

describe('hostile bodies', () => {
  const hostile = [
    '<script>window.__pwned = true</script>',
    '<img src=x onerror="window.__pwned = true">',
    '<a href="javascript:window.__pwned = true">click me</a>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = true"><script>window.__pwned = true</script></svg>',
    'Evil \u202Egnp.exe\u202C and \u2066isolated\u2069 direction overrides',
    '"; DROP TABLE comments; --',
    'Line one\nLine two\n\n  indented line three',
  ]

  it('stores each verbatim, readable back exactly as written', async () => {
    const payload = await testPayload()
    for (const body of hostile) {
      const who = reader()
      const { id } = await submitAs(payload, who, commentFields(article.id, who, { body }))
      expect((await payload.findByID({ collection: 'comments', id })).body).toBe(body)
    }
  })
})

describe('a comment sent from a page on another site', () => {
  it('is refused with 403 and a message, inline or as a plain form, and nothing is stored', async () => {
    const target = await publishedArticle(await testPayload())
    const who = reader()
    const fields = commentFields(target.id, who)
    const foreign = { origin: 'https://evil.example' }

    const inline = await post(JSON.stringify(fields), {
      'content-type': 'application/json',
      ...foreign,
    })
    const form = await post(
      new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)])),
      { 'content-type': 'application/x-www-form-urlencoded', ...foreign },
    )

    for (const answer of [inline, form]) {
      expect(answer.status).toBe(403)
      expect((await answer.json()).error.message).toContain('sent from https://evil.example')
    }
    expect(await countFor(target.id)).toBe(0)
  })

  it('is taken from the site’s own page', async () => {
    const target = await publishedArticle(await testPayload())
    const who = reader()
    const answer = await post(JSON.stringify(commentFields(target.id, who)), {
      'content-type': 'application/json',
      origin: 'http://localhost:3000',
    })
    expect(answer.status).toBe(201)
  })
})
