import { describe, expect, it } from 'vitest'

import { POST } from '@/../app/(frontend)/next/revalidate/route'
import { REVALIDATE_HEADER, revalidateSecret } from '@/revalidation/invalidate'

const call = (body: unknown, key?: string) =>
  POST(
    new Request('http://localhost/next/revalidate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { [REVALIDATE_HEADER]: key } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )

describe('the app-only revalidation endpoint (used by the jobs runner)', () => {
  it('refuses anyone without the key, and says so', async () => {
    const valid = { cacheTags: ['article-lists'], paths: ['/'] }
    for (const key of [undefined, 'guess', `${revalidateSecret()}x`]) {
      const response = await call(valid, key)
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({ error: 'Not allowed.' })
    }
  })

  it('answers bad bodies with a 400 and good ones with 200', async () => {
    const key = revalidateSecret()
    for (const body of [
      'not json',
      [1],
      { cacheTags: 'x', paths: [] },
      { cacheTags: [], paths: ['no-slash'] },
    ]) {
      const response = await call(body, key)
      expect(response.status).toBe(400)
    }
    expect((await call({ cacheTags: ['article-lists'], paths: ['/'] }, key)).status).toBe(200)
  })
})
