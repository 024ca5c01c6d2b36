import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'

import type { Article } from '@/payload-types'
import { startNoticeWindow } from '@/collections/Comments/hooks/notifyModerators'

import { commentFields, reader, solvedProof, submitAs, tokenFor } from '../../support/comments'
import { createUser, publishedArticle } from '../../support/factories'
import { testPayload } from '../../support/payload'

let article: Article
const later = (seconds: number) => new Date(Date.now() + seconds * 1000)

beforeAll(async () => {
  article = await publishedArticle(await testPayload())
})

describe('the honeypot', () => {
  it('refuses a submission whose hidden field was filled in', async () => {
    const who = reader()
    await expect(
      submitAs(
        await testPayload(),
        who,
        commentFields(article.id, who, { website: 'http://spam.example' }),
      ),
    ).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/automated/) })
  })

  it('lets a reader through who left it empty', async () => {
    const who = reader()
    const result = await submitAs(
      await testPayload(),
      who,
      commentFields(article.id, who, { website: '' }),
    )
    expect(result.status).toBe(201)
  })
})

describe('the minimum time to write', () => {
  it('refuses a form sent the moment it was shown, saying how long to wait', async () => {
    const who = reader()
    await expect(
      submitAs(
        await testPayload(),
        who,
        commentFields(article.id, who, { token: tokenFor(article.id, 0) }),
      ),
    ).rejects.toMatchObject({ status: 422, retryAfter: expect.any(Number) })
  })

  it('accepts a form a reader spent a few seconds on', async () => {
    const who = reader()
    const result = await submitAs(
      await testPayload(),
      who,
      commentFields(article.id, who, { token: tokenFor(article.id, 4) }),
    )
    expect(result.status).toBe(201)
  })

  it("refuses a forged or other article's token", async () => {
    const who = reader()
    const payload = await testPayload()
    const other = await publishedArticle(payload)
    await expect(
      submitAs(payload, who, commentFields(article.id, who, { token: tokenFor(other.id) })),
    ).rejects.toMatchObject({ status: 400, field: 'token' })
    const forged = tokenFor(article.id).replace(
      /\.[\w-]+$/,
      '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    )
    await expect(
      submitAs(payload, who, commentFields(article.id, who, { token: forged })),
    ).rejects.toMatchObject({ status: 400, field: 'token' })
  })
})

describe('flood control', () => {
  it('allows one comment per 15 seconds from an address, with Retry-After', async () => {
    const payload = await testPayload()
    const who = reader()
    await submitAs(payload, who, commentFields(article.id, who))
    const sameAddress = { address: who.address, email: reader().email }
    const refused = await submitAs(
      payload,
      sameAddress,
      commentFields(article.id, sameAddress),
    ).catch((e) => e)
    expect(refused).toMatchObject({ status: 429, message: expect.stringMatching(/too quickly/) })
    expect(refused.retryAfter).toBeGreaterThan(10)
    expect(refused.retryAfter).toBeLessThanOrEqual(15)
    const accepted = await submitAs(payload, sameAddress, commentFields(article.id, sameAddress), {
      now: later(16),
    })
    expect(accepted.status).toBe(201)
  })

  it('allows one comment per 15 seconds from an email address', async () => {
    const payload = await testPayload()
    const who = reader()
    await submitAs(payload, who, commentFields(article.id, who))
    const sameEmail = { address: reader().address, email: who.email.toUpperCase() }
    await expect(
      submitAs(payload, sameEmail, commentFields(article.id, sameEmail)),
    ).rejects.toMatchObject({
      status: 429,
    })
  })

  it('caps comments per hour, as set by editors', async () => {
    const payload = await testPayload()
    await payload.updateGlobal({ slug: 'comment-settings', data: { hourlyLimit: 2 } })
    try {
      const who = reader()
      await submitAs(payload, who, commentFields(article.id, who))
      await submitAs(payload, who, commentFields(article.id, who), { now: later(20) })
      const refused = await submitAs(payload, who, commentFields(article.id, who), {
        now: later(40),
      }).catch((e) => e)
      expect(refused).toMatchObject({ status: 429, message: expect.stringMatching(/last hour/) })
      expect(refused.retryAfter).toBeGreaterThan(3000)
      const someoneElse = reader()
      expect(
        (await submitAs(payload, someoneElse, commentFields(article.id, someoneElse))).status,
      ).toBe(201)
    } finally {
      await payload.updateGlobal({ slug: 'comment-settings', data: { hourlyLimit: 10 } })
    }
  })
})

describe('proof of work (ALTCHA)', () => {
  it('marks a comment with a solved challenge as verified, without holding it', async () => {
    const payload = await testPayload()
    const who = reader()
    const { id } = await submitAs(
      payload,
      who,
      commentFields(article.id, who, { altcha: await solvedProof() }),
    )
    const stored = await payload.findByID({ collection: 'comments', id })
    expect(stored.trust).toBe('verified')
    expect(stored.heldReasons ?? []).toEqual([])
  })

  it('refuses a solution used a second time', async () => {
    const payload = await testPayload()
    const altcha = await solvedProof()
    const first = reader()
    await submitAs(payload, first, commentFields(article.id, first, { altcha }))
    const second = reader()
    await expect(
      submitAs(payload, second, commentFields(article.id, second, { altcha })),
    ).rejects.toMatchObject({
      status: 422,
      field: 'altcha',
      message: expect.stringMatching(/already used/),
    })
  })

  it('refuses a wrong or forged solution', async () => {
    const payload = await testPayload()
    const proof = JSON.parse(Buffer.from(await solvedProof(), 'base64').toString())
    const key: string = proof.solution.derivedKey
    proof.solution.derivedKey = (key[0] === '0' ? '1' : '0') + key.slice(1)
    const who = reader()
    await expect(
      submitAs(
        payload,
        who,
        commentFields(article.id, who, {
          altcha: Buffer.from(JSON.stringify(proof)).toString('base64'),
        }),
      ),
    ).rejects.toMatchObject({ status: 422, field: 'altcha' })
    await expect(
      submitAs(payload, who, commentFields(article.id, who, { altcha: 'not-base64-json' })),
    ).rejects.toMatchObject({ status: 422, field: 'altcha' })
  })

  it('accepts a comment without JavaScript, held with lower trust', async () => {
    const payload = await testPayload()
    const who = reader()
    const { id } = await submitAs(payload, who, commentFields(article.id, who))
    const stored = await payload.findByID({ collection: 'comments', id })
    expect(stored.status).toBe('pending')
    expect(stored.trust).toBe('unverified')
    expect(stored.heldReasons).toEqual([expect.stringMatching(/without JavaScript/)])
  })
})

describe('hold rules', () => {
  it('holds a comment with more than two links, saying so', async () => {
    const payload = await testPayload()
    const who = reader()
    const body = 'See https://a.example, http://b.example and www.c-example.com for more.'
    const { id } = await submitAs(
      payload,
      who,
      commentFields(article.id, who, { body, altcha: await solvedProof() }),
    )
    expect((await payload.findByID({ collection: 'comments', id })).heldReasons).toEqual([
      'Contains 3 links (more than 2)',
    ])
  })

  it('does not flag two links', async () => {
    const payload = await testPayload()
    const who = reader()
    const body = 'Sources: https://a.example and https://b.example'
    const { id } = await submitAs(
      payload,
      who,
      commentFields(article.id, who, { body, altcha: await solvedProof() }),
    )
    expect((await payload.findByID({ collection: 'comments', id })).heldReasons ?? []).toEqual([])
  })

  it("holds a comment using a word from the editors' blocklist, whole words only", async () => {
    const payload = await testPayload()
    await payload.updateGlobal({
      slug: 'comment-settings',
      data: { blocklist: 'Zorblax\ncheap pills\n' },
    })
    try {
      const who = reader()
      const { id } = await submitAs(
        payload,
        who,
        commentFields(article.id, who, {
          body: 'Buy CHEAP PILLS here',
          altcha: await solvedProof(),
        }),
      )
      expect((await payload.findByID({ collection: 'comments', id })).heldReasons).toEqual([
        'Contains the blocked word "cheap pills"',
      ])
      const other = reader()
      const clean = await submitAs(
        payload,
        other,
        commentFields(article.id, other, {
          body: 'The Zorblaxian empire is fiction.',
          altcha: await solvedProof(),
        }),
      )
      expect(
        (await payload.findByID({ collection: 'comments', id: clean.id })).heldReasons ?? [],
      ).toEqual([])
    } finally {
      await payload.updateGlobal({ slug: 'comment-settings', data: { blocklist: '' } })
    }
  })
})

describe('duplicates', () => {
  it('refuses the same text on the same article within ten minutes', async () => {
    const payload = await testPayload()
    const body = `Exactly this text ${Date.now()}`
    const first = reader()
    await submitAs(payload, first, commentFields(article.id, first, { body }))
    const second = reader()
    await expect(
      submitAs(payload, second, commentFields(article.id, second, { body })),
    ).rejects.toMatchObject({
      status: 409,
      field: 'body',
    })
    const elsewhere = await publishedArticle(payload)
    const third = reader()
    expect(
      (await submitAs(payload, third, commentFields(elsewhere.id, third, { body }))).status,
    ).toBe(201)
  })
})

describe('closing comments', () => {
  it('refuses comments on an article an editor closed', async () => {
    const payload = await testPayload()
    const closed = await publishedArticle(payload, { commentsEnabled: false })
    const who = reader()
    await expect(submitAs(payload, who, commentFields(closed.id, who))).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/closed/),
    })
  })

  it('closes comments N days after publishing, when editors set N', async () => {
    const payload = await testPayload()
    const old = await publishedArticle(payload, {
      publishedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    })
    const fresh = await publishedArticle(payload)
    await payload.updateGlobal({ slug: 'comment-settings', data: { closeAfterDays: 30 } })
    try {
      const who = reader()
      await expect(submitAs(payload, who, commentFields(old.id, who))).rejects.toMatchObject({
        status: 403,
      })
      expect((await submitAs(payload, who, commentFields(fresh.id, who))).status).toBe(201)
    } finally {
      await payload.updateGlobal({ slug: 'comment-settings', data: { closeAfterDays: null } })
    }
  })
})

describe('notices to editors', () => {
  it("sends editors an email through Payload's email adapter for a new pending comment", async () => {
    const payload = await testPayload()
    const { email: editor } = await createUser(payload, 'editor')
    const spy = vi.spyOn(payload, 'sendEmail')
    onTestFinished(() => spy.mockRestore())
    // Earlier comments in this file already used the current window (the seeded admin was told).
    startNoticeWindow()
    const who = reader()
    const body = `Please moderate me ${Date.now()}`
    const { id } = await submitAs(
      payload,
      who,
      commentFields(article.id, who, { body, name: 'Grace' }),
    )
    await vi.waitFor(() => expect(spy).toHaveBeenCalled())
    const message = spy.mock.calls
      .map(([m]) => m as { text?: unknown })
      .find((m) => String(m.text).includes(body))
    expect(message).toMatchObject({
      subject: expect.stringMatching(/awaiting moderation/),
      to: expect.arrayContaining([editor]),
    })
    expect(String(message?.text)).toContain('Grace wrote:')
    expect(String(message?.text)).toMatch(/\/admin\/collections\/comments/)
    expect(id).toBeGreaterThan(0)

    // A burst of comments is one notice, not a burst of mail.
    const calls = spy.mock.calls.length
    const next = reader()
    await submitAs(payload, next, commentFields(article.id, next))
    expect(spy.mock.calls.length).toBe(calls)
  })
})
