import { describe, expect, it } from 'vitest'

import { parsePage } from '@/components/Pagination'
import { readingMinutes, wordCount } from '@/lib/readingTime'
import { rankRelated } from '@/lib/related'
import { urls } from '@/lib/urls'
import { plainTextToLexical } from '@/seed/lexical'

describe('the related-articles rule', () => {
  const article = { id: 1, section: 10, tags: [100, 101], publishedAt: '2026-05-01T00:00:00Z' }
  const other = (id: number, section: number, tags: number[], day: number) => ({
    id,
    section,
    tags,
    publishedAt: `2026-04-${String(day).padStart(2, '0')}T00:00:00Z`,
  })

  it('puts more shared tags first, then the same section, newest first among equals', () => {
    const ranked = rankRelated(article, [
      other(2, 10, [], 28), // same section only
      other(3, 20, [100], 20), // one shared tag
      other(4, 20, [100, 101], 1), // two shared tags, oldest
      other(5, 10, [101], 10), // one tag + section
      other(6, 20, [100], 25), // one shared tag, newer than 3
    ])
    expect(ranked).toEqual([4, 5, 6, 3, 2])
  })

  it('leaves out the article itself and articles sharing nothing, and stops at five', () => {
    const many = Array.from({ length: 8 }, (_, i) => other(10 + i, 10, [], i + 1))
    const ranked = rankRelated(article, [...many, other(1, 10, [100], 30), other(99, 30, [7], 30)])
    expect(ranked).toEqual([17, 16, 15, 14, 13])
  })
})

describe('reading time', () => {
  it('counts words of the dek, headings and text at 230 a minute, at least one minute', () => {
    expect(wordCount('Ren Zhengfei — says: 30 % of it')).toBe(6)
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ')
    expect(readingMinutes({ dek: 'Short.', body: [] })).toBe(1)
    expect(
      readingMinutes({
        dek: words(30),
        body: [{ heading: words(10), content: plainTextToLexical(words(650)) }],
      }),
    ).toBe(3)
  })
})

describe('pagination', () => {
  it('accepts whole page numbers from 1 and nothing else', () => {
    expect(parsePage(undefined)).toBe(1)
    expect(parsePage('2')).toBe(2)
    for (const junk of ['0', '-1', '1.5', 'abc', '02', '9999999', ''])
      expect(parsePage(junk)).toBeNull()
    expect(parsePage(['1', '2'])).toBeNull()
  })

  it('links page 1 to the listing itself and later pages with ?page=', () => {
    expect(urls.page('/technology', 1)).toBe('/technology')
    expect(urls.page('/tags/ai', 3)).toBe('/tags/ai?page=3')
  })
})
