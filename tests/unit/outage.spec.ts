import { describe, expect, it } from 'vitest'

import { recheckUrl } from '@/lib/outageGate'

describe('the outage second look', () => {
  it('goes to this server, whatever host the path or query tries to name', () => {
    const origin = recheckUrl('/', '').origin
    for (const [path, search] of [
      ['//elsewhere.example/x', ''],
      ['/\\elsewhere.example/x', ''],
      ['/technology/a', '?next=http://elsewhere.example/'],
    ] as const) {
      const url = recheckUrl(path, search)
      expect(url.origin, path).toBe(origin)
      expect(url.hostname, path).toBe('127.0.0.1')
    }
    expect(recheckUrl('/search', '?q=a%20b').href).toBe(`${origin}/search?q=a%20b`)
  })
})
