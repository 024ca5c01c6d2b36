import { describe, expect, it } from 'vitest'

import { hashAddress } from '@/comments/clientAddress'
import { commentsOpen } from '@/comments/closing'
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
