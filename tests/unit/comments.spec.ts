import { describe, expect, it } from 'vitest'

import { hashAddress } from '@/comments/clientAddress'
import { commentsOpen } from '@/comments/closing'
import { foreignPageRefusal } from '@/comments/origin'
import { blockedWords, countLinks } from '@/comments/holdRules'

describe('the reader address', () => {
  it('identifies an IPv6 reader by their /64, so rotating within it does not evade the limits', () => {
    expect(hashAddress('2001:db8:1:2::1')).toBe(hashAddress('2001:db8:1:2:ffff:ffff:ffff:ffff'))
    expect(hashAddress('2001:db8:1:2::1')).toBe(hashAddress('2001:0db8:0001:0002:0:0:0:9'))
    expect(hashAddress('2001:db8:1:2::1')).not.toBe(hashAddress('2001:db8:1:3::1'))
    expect(hashAddress('192.0.2.1')).not.toBe(hashAddress('192.0.2.2'))
  })
})

describe('hold rules', () => {
  it('count links written as URLs or www. addresses', () => {
    expect(countLinks('see https://a.example and http://b.example and www.c.example')).toBe(3)
    expect(countLinks('no links, just a sentence. Dot.com bubble')).toBe(0)
  })

  it('match blocklist entries as whole words or phrases, ignoring case', () => {
    expect(blockedWords('Cheap PILLS today', ['cheap pills', 'ass'])).toEqual(['cheap pills'])
    expect(blockedWords('a classic assessment', ['ass'])).toEqual([])
  })
})

describe('closing', () => {
  const day = 86_400_000
  it('follows the article switch, then the days-after-publishing setting', () => {
    const now = new Date('2026-06-30T12:00:00Z')
    const published = new Date(now.getTime() - 10 * day).toISOString()
    expect(commentsOpen({ commentsEnabled: false, publishedAt: published }, {}, now)).toBe(false)
    expect(commentsOpen({ commentsEnabled: true, publishedAt: published }, {}, now)).toBe(true)
    expect(commentsOpen({ publishedAt: published }, { closeAfterDays: 7 }, now)).toBe(false)
    expect(commentsOpen({ publishedAt: published }, { closeAfterDays: 14 }, now)).toBe(true)
  })
})

describe('where a comment may come from', () => {
  const site = ['https://news.example']
  const refused = (headers: Record<string, string>) =>
    foreignPageRefusal(new Headers(headers), site)?.status ?? null

  it('takes comments from the site’s pages, as configured or as reached, and from clients that are no page', () => {
    expect(refused({ origin: 'https://news.example', host: 'app:3000' })).toBeNull()
    expect(refused({ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080' })).toBeNull()
    expect(refused({ host: 'news.example' })).toBeNull()
  })

  it('refuses a page on another site, an opaque origin, and a cross-site post without Origin', () => {
    expect(refused({ origin: 'https://evil.example', host: 'news.example' })).toBe(403)
    expect(refused({ origin: 'null', host: 'news.example' })).toBe(403)
    expect(refused({ 'sec-fetch-site': 'cross-site', host: 'news.example' })).toBe(403)
    expect(
      foreignPageRefusal(new Headers({ origin: 'https://evil.example' }), site)?.message,
    ).toContain('sent from https://evil.example')
  })
})
