import http from 'node:http'

import type { APIRequestContext } from '@playwright/test'

import { createArticle, editorHeaders } from './api'
import { expect, test } from './fixtures'
import { readerAddress } from './pages/Comments'

/**
 * The server trusts X-Forwarded-For only from TRUSTED_PROXIES (127.0.0.1 in
 * this suite, as in `npm run start:edge`). Every other address — here another
 * loopback address of this machine, fresh per run so flood control never
 * links two runs — is a reader connecting directly.
 */
function directClientAddress(): string {
  const n = 2 + Math.floor(Math.random() * 65_000)
  return `127.${(n >> 8) & 255}.${n & 255}.9`
}

interface Sent {
  status: number
  retryAfter: string | undefined
  body: string
}

/** A comment POST sent from `localAddress` with `forwardedFor` as its X-Forwarded-For. */
function postComment(
  baseURL: string,
  localAddress: string,
  forwardedFor: string,
  fields: Record<string, unknown>,
): Promise<Sent> {
  const body = JSON.stringify(fields)
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseURL}/next/comments`,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-forwarded-for': forwardedFor,
        },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            body: text,
          }),
        )
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

/** Fields of a valid comment, each from a new email so only the address can link two of them. */
async function commentFields(request: APIRequestContext, articleId: number) {
  const { token } = await (await request.get(`/next/comments/token?article=${articleId}`)).json()
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  return {
    article: articleId,
    name: 'Ada Reader',
    email: `reader-${stamp}@example.com`,
    body: `A considered comment ${stamp}.`,
    token,
  }
}

test.describe('the reader address behind flood control', () => {
  let articleId: number
  /** A new reader's comment (fresh email and text), sent from `from` with `forwardedFor`. */
  const comment = async (request: APIRequestContext, from: string, forwardedFor: string) =>
    postComment(
      process.env.E2E_BASE_URL!,
      from,
      forwardedFor,
      await commentFields(request, articleId),
    )

  test.beforeAll(async ({ request }) => {
    const headers = await editorHeaders(request)
    ;({ articleId } = await createArticle(request, headers, {
      headline: `Client address check ${Date.now()}`,
      dek: 'An article for forged addresses.',
    }))
  })

  test('a direct client that forges X-Forwarded-For is still one reader: its second comment within 15 s is refused', async ({
    request,
  }) => {
    const client = directClientAddress()
    const first = await comment(request, client, readerAddress())
    expect(first.status, first.body).toBe(201)

    const second = await comment(request, client, readerAddress())
    expect(second.status, second.body).toBe(429)
    expect(Number(second.retryAfter)).toBeGreaterThan(0)
    expect(JSON.parse(second.body).error.message).toMatch(/commenting too quickly/)
  })

  test('behind the trusted proxy each forwarded reader is their own: two readers are both accepted', async ({
    request,
  }) => {
    const one = await comment(request, '127.0.0.1', readerAddress())
    const other = await comment(request, '127.0.0.1', readerAddress())
    expect([one.status, other.status]).toEqual([201, 201])
  })

  test('behind the trusted proxy, entries the reader wrote before the proxy’s own are ignored', async ({
    request,
  }) => {
    const reader = readerAddress()
    const one = await comment(request, '127.0.0.1', `${readerAddress()}, ${reader}`)
    const again = await comment(request, '127.0.0.1', `${readerAddress()}, ${reader}`)
    expect([one.status, again.status]).toEqual([201, 429])
  })
})
