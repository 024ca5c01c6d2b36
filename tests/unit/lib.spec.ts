import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { phrasePairs, requiredTerms } from '@/lib/phrasePairs'
import { livePreviewUrl } from '@/lib/preview'
import { collectEmbeds } from '@/lib/richText'
import { safeHref } from '@/lib/safeHref'
import { absoluteUrl } from '@/lib/urls'
import { normaliseTargetUrl } from '@/redirects/paths'
import { isSlug, slugify } from '@/lib/slugify'
import { toLexical } from '@/seed/lexical'

describe('slugify', () => {
  it('makes a readable ASCII slug from a headline', () => {
    expect(slugify('Ren Zhengfei Says U.S. And China’s AI Paths Diverge')).toBe(
      'ren-zhengfei-says-u-s-and-chinas-ai-paths-diverge',
    )
    expect(slugify('Café déjà vu — 2025!')).toBe('cafe-deja-vu-2025')
  })

  it('cuts long headlines at a word boundary', () => {
    const slug = slugify('word '.repeat(40), 30)
    expect(slug.length).toBeLessThanOrEqual(30)
    expect(slug.endsWith('-')).toBe(false)
  })

  it('accepts only what a slug can be', () => {
    expect(isSlug('ai-chips-2025')).toBe(true)
    for (const bad of ['', 'A', '../x', 'a--b', '-a', 'a'.repeat(121), '\u0000', 'a b']) {
      expect(isSlug(bad), JSON.stringify(bad)).toBe(false)
    }
  })
})

describe('safeHref', () => {
  it('keeps web, mail and in-site links', () => {
    expect(safeHref('https://nist.gov')).toBe('https://nist.gov/')
    expect(safeHref('mailto:desk@example.com')).toBe('mailto:desk@example.com')
    expect(safeHref('/technology/x')).toBe('/technology/x')
    expect(safeHref('#comments')).toBe('#comments')
  })

  it('drops script and data URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>',
      '//evil.example',
      'vbscript:x',
      '/\\evil.example',
      '/.//evil.example/x',
      '/%2e//evil.example/x',
      '/a/..//evil.example',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'javascript&colon;alert(1)',
      'javascript&#58;alert(1)',
      'https://example.org\\@evil.example',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'relative/path',
    ]) {
      expect(safeHref(bad), bad).toBeNull()
    }
  })
})

describe('normaliseTargetUrl: a redirect target on this site stays on this site', () => {
  it('refuses a path, or a full URL of this site, whose path resolves to //host', () => {
    for (const bad of [
      '/.//evil.example/x',
      '/%2e//evil.example/x',
      absoluteUrl('/.//evil.example/x'),
    ]) {
      expect(normaliseTargetUrl(bad), bad).toMatchObject({ ok: false })
    }
    expect(normaliseTargetUrl('/./world/x')).toEqual({ ok: true, path: '/world/x' })
  })
})

describe('collectEmbeds', () => {
  it('finds the tables and FAQs a text embeds, once each', () => {
    const content = toLexical(
      [
        { type: 'paragraph', children: ['Intro'] },
        { type: 'table', table: 'a' },
        { type: 'faq', faqs: ['q1', 'q2'] },
        { type: 'table', table: 'a' },
      ],
      {
        tables: new Map([['a', 7]]),
        faqs: new Map([
          ['q1', 1],
          ['q2', 2],
        ]),
      },
    )
    expect(collectEmbeds([content, null, undefined])).toEqual({ tables: [7], faqs: [1, 2] })
  })
})

describe('phrasePairs: the word pairs a search phrase requires', () => {
  it.each([
    ["'suppli' <-> 'chain'", "'suppli~chain'"],
    [
      "'supply-chain' <-> 'suppli' <-> 'chain' <-> 'risk' & !'tariff'",
      "'supply-chain~suppli' & 'suppli~chain' & 'chain~risk'",
    ],
    ["'back' <-> 'slash' & 'x' <-> 'y'", "'back~slash' & 'x~y'"],
    ["'it''s' <-> 'a\\\\b'", "'it''s~a\\\\b'"],
    ["'export' & 'control'", null],
    ["'state' <3> 'art'", null],
    ["!'a' <-> 'b'", null],
    ["!( 'suppli' <-> 'chain' ) & 'export'", null],
    ["'a' <-> 'b' | 'c'", null],
    ['', null],
  ])('%s → %s', (tsquery, expected) => {
    expect(phrasePairs(tsquery)).toBe(expected)
  })
})

describe('requiredTerms: a search without its exclusions, for the word index', () => {
  it.each([
    ["'inflat' & !'tariff'", "'inflat'"],
    ["'suppli' <-> 'chain' & !'tariff' & !( 'interest' <-> 'rate' )", "'suppli' <-> 'chain'"],
    ["'a&b' & !'c' & 'd'", "'a&b' & 'd'"],
    ["'export' & 'control'", null],
    ["!'tariff'", null],
    ["'a' & !'b' | 'c'", null],
    ['', null],
  ])('%s → %s', (tsquery, expected) => {
    expect(requiredTerms(tsquery)).toBe(expected)
  })
})

describe('livePreviewUrl: the live preview frame stays on the admin’s own origin', () => {
  const doc = { slug: 'tidal-power', section: { slug: 'technology' } }
  const request = (origin: string, headers: Record<string, string> = {}) =>
    ({ origin, headers: new Headers(headers) }) as unknown as PayloadRequest
  const path = '/next/preview?path=%2Ftechnology%2Ftidal-power'

  it.each([
    ['http://127.0.0.1:3000', {}, 'http://localhost:3000', `http://127.0.0.1:3000${path}`],
    [
      'http://news.example',
      { 'x-forwarded-proto': 'https' },
      'http://localhost:3000',
      `https://news.example${path}`,
    ],
    ['http://news.example', {}, 'https://news.example', `https://news.example${path}`],
    [
      'http://news.example',
      { 'x-forwarded-host': 'evil.example' },
      'http://localhost:3000',
      `http://news.example${path}`,
    ],
  ])('%s %j (site %s) → %s', async (origin, headers, site, expected) => {
    expect(await livePreviewUrl(doc, request(origin, headers), site)).toBe(expected)
  })
})
