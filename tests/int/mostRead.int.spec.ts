import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET, POST, PUT } from '@/../app/(frontend)/next/views/route'
import { rowsOf } from '@/lib/database'
import { VIEWS_PER_MINUTE } from '@/mostRead/store'
import type { Article } from '@/payload-types'

import { publishedArticle } from '../support/factories'
import { testPayload } from '../support/payload'

const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'

let payload: Payload
let article: Article
let readers = 0

/** A reader's address of its own (the test server's proxy names it in X-Forwarded-For). */
function readerAddress(): string {
  readers += 1
  const n = (Date.now() % 10_000) * 100 + readers
  return `198.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

function beacon(
  body: unknown,
  { address = readerAddress(), headers = {} as Record<string, string> } = {},
): Request {
  return new Request('http://127.0.0.1/next/views', {
    method: 'POST',
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      'user-agent': BROWSER,
      'x-forwarded-for': address,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function viewsOf(articleId: number): Promise<number> {
  const result = await payload.db.drizzle.execute(
    sql`SELECT coalesce(sum(views), 0)::int AS views FROM article_views WHERE article_id = ${articleId}`,
  )
  return rowsOf<{ views: number }>(result)[0]!.views
}

async function send(request: Request) {
  const response = await POST(request)
  return {
    status: response.status,
    body: (await response.json()) as { counted: boolean; message: string },
  }
}

beforeAll(async () => {
  payload = await testPayload()
  article = await publishedArticle(payload)
})

describe('counting a view', () => {
  it('counts a reader’s view in the article’s current hour', async () => {
    const fresh = await publishedArticle(payload)
    const answer = await send(beacon({ article: fresh.id }))
    expect(answer).toEqual({ status: 200, body: { counted: true, message: 'Counted.' } })
    expect(await viewsOf(fresh.id)).toBe(1)
  })

  it('counts a reader once a day per article, however often they reload', async () => {
    const fresh = await publishedArticle(payload)
    const address = readerAddress()
    await send(beacon({ article: fresh.id }, { address }))
    const again = await send(beacon({ article: String(fresh.id) }, { address }))
    expect(again.body).toEqual({
      counted: false,
      message: expect.stringMatching(/already counted/),
    })
    await send(beacon({ article: fresh.id }))
    expect(await viewsOf(fresh.id)).toBe(2)
  })

  it('counts the <noscript> image of a reader without JavaScript', async () => {
    const fresh = await publishedArticle(payload)
    const response = await GET(
      new Request(`http://127.0.0.1/next/views?article=${fresh.id}`, {
        headers: { 'user-agent': BROWSER, 'x-forwarded-for': readerAddress() },
      }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/gif')
    expect(await viewsOf(fresh.id)).toBe(1)
  })
})

describe('what is not counted', () => {
  it.each([
    ['Global Privacy Control', { 'sec-gpc': '1' }, /Global Privacy Control/],
    ['Do Not Track', { dnt: '1' }, /not to be tracked/],
    [
      'a bot',
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      /bot/,
    ],
    [
      'a headless browser',
      { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0 Safari/537.36' },
      /bot/,
    ],
    ['no user agent at all', { 'user-agent': '' }, /bot/],
    ['a prefetch (Sec-Purpose)', { 'sec-purpose': 'prefetch' }, /prefetch/],
    ['a prefetch (Purpose)', { purpose: 'prefetch' }, /prefetch/],
    ['a Next router prefetch', { 'next-router-prefetch': '1' }, /prefetch/],
    ['another site’s page', { 'sec-fetch-site': 'cross-site' }, /another site/],
  ])('a view sent with %s', async (_, headers, reason) => {
    const answer = await send(beacon({ article: article.id }, { headers }))
    expect(answer).toEqual({
      status: 200,
      body: { counted: false, message: expect.stringMatching(reason) },
    })
    expect(await viewsOf(article.id)).toBe(0)
  })

  it('ignores views of an unknown or unpublished article, storing nothing', async () => {
    const draft = await publishedArticle(payload, { _status: 'draft' })
    for (const id of [draft.id, 987_654_321]) {
      const answer = await send(beacon({ article: id }))
      expect(answer.body).toEqual({
        counted: false,
        message: 'Not counted: no published article has that id.',
      })
    }
    const stored = await payload.db.drizzle.execute(
      sql`SELECT count(*)::int AS n FROM article_view_readers WHERE article_id = ${draft.id}`,
    )
    expect(rowsOf<{ n: number }>(stored)[0]!.n).toBe(0)
    expect(await viewsOf(draft.id)).toBe(0)
  })
})

describe('junk', () => {
  it.each([
    ['not JSON', beacon('{article: 1'), 400, /not valid JSON/],
    ['a JSON array', beacon('[1]'), 400, /JSON object/],
    ['no article id', beacon({}), 400, /Say which article/],
    ['a non-numeric id', beacon({ article: 'latest' }), 400, /positive whole number/],
    ['a negative id', beacon({ article: -3 }), 400, /positive whole number/],
    ['a fractional id', beacon({ article: 1.5 }), 400, /positive whole number/],
    [
      'an oversized body',
      beacon({ article: 1, padding: 'x'.repeat(5000) }),
      413,
      /larger than 1024 bytes/,
    ],
    [
      'a form post',
      beacon('article=1', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      /Content-Type application\/json or text\/plain/,
    ],
  ])('refuses %s with a 4xx that says what to send', async (_, request, status, message) => {
    const answer = await send(request)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({ counted: false, message: expect.stringMatching(message) })
  })

  it('refuses a wrong method with 405 and a sentence', async () => {
    const response = PUT()
    expect(response.status).toBe(405)
    expect(await response.text()).toMatch(/Views are counted with POST/)
  })

  it('refuses an image request without an article id', async () => {
    const response = await GET(
      new Request('http://127.0.0.1/next/views?article=abc', {
        headers: { 'user-agent': BROWSER },
      }),
    )
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/positive whole number/)
  })
})

describe('a flood from one address', () => {
  it('is capped at the per-minute limit with 429 and Retry-After; other readers still count', async () => {
    const fresh = await publishedArticle(payload)
    const address = readerAddress()
    for (let sent = 0; sent < VIEWS_PER_MINUTE; sent += 1) {
      // A different browser each time: the cap is by address, whatever the user agent says.
      const response = await POST(
        beacon({ article: fresh.id }, { address, headers: { 'user-agent': `${BROWSER} ${sent}` } }),
      )
      expect(response.status).toBe(200)
    }
    const over = await POST(beacon({ article: fresh.id }, { address }))
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await over.json()) as { message: string }).message).toMatch(/Too many views/)
    expect(await viewsOf(fresh.id)).toBe(VIEWS_PER_MINUTE)
    expect((await send(beacon({ article: fresh.id }))).body.counted).toBe(true)
  })
})

describe('what is stored', () => {
  it('holds no address, raw or in any column', async () => {
    const address = '203.0.113.77'
    const fresh = await publishedArticle(payload)
    expect((await send(beacon({ article: fresh.id }, { address }))).body.counted).toBe(true)
    const columns = await payload.db.drizzle.execute(sql`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_name IN ('article_views', 'article_view_readers', 'article_view_limits', 'most_read_ranking')
      ORDER BY table_name, ordinal_position`)
    const names = rowsOf<{ table_name: string; column_name: string }>(columns).map(
      (row) => `${row.table_name}.${row.column_name}`,
    )
    expect(names).toEqual([
      'article_view_limits.reader',
      'article_view_limits.window_start',
      'article_view_limits.requests',
      'article_view_readers.day',
      'article_view_readers.article_id',
      'article_view_readers.reader',
      'article_views.article_id',
      'article_views.hour',
      'article_views.views',
      'most_read_ranking.id',
      'most_read_ranking.ranking',
      'most_read_ranking.updated_at',
    ])
    for (const table of ['article_view_readers', 'article_view_limits']) {
      const rows = await payload.db.drizzle.execute(
        sql.raw(`SELECT row_to_json(t)::text AS row FROM ${table} t`),
      )
      const text = rowsOf<{ row: string }>(rows)
        .map((row) => row.row)
        .join('\n')
      expect(text.length).toBeGreaterThan(0)
      expect(text).not.toContain(address)
      expect(text).not.toContain('203.0.113')
    }
  })
})
