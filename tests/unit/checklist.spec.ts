import { describe, expect, it } from 'vitest'

import { caseSlips } from '@/checklist/capitalisation'
import {
  duplicateHeadings,
  emptySection,
  headingCase,
  headlineTooLong,
  imageWithoutAlt,
  importNotesUnchecked,
  keywordFocusGaps,
  linkToUnpublished,
  longParagraphs,
  missingRequired,
  metaDescriptionLength,
  repeatedWordsAndTypos,
  RULES,
  staleTable,
  tableWithoutSource,
} from '@/checklist/rules'
import type { ChecklistArticle, ChecklistSection, ChecklistSettings, Rule } from '@/checklist/types'

const settings: ChecklistSettings = {
  headingCase: 'sentence',
  now: new Date('2026-11-29T00:00:00Z'),
}
const section = (heading: string, extra: Partial<ChecklistSection> = {}): ChecklistSection => ({
  heading,
  keywordFocus: [],
  paragraphs: ['Some reporting.'],
  embeds: 0,
  ...extra,
})
/** A clean article: every rule passes on it. */
const article = (extra: Partial<ChecklistArticle> = {}): ChecklistArticle => ({
  headline: 'Ren Zhengfei says the US and China are moving AI in different directions',
  dek: 'Huawei’s founder on two countries’ goals in AI.',
  hasDesk: true,
  bylines: 1,
  metaDescription:
    'Huawei’s founder argues that the two countries chase different goals in artificial intelligence, and explains why that matters for business.',
  sections: [section('What Ren Zhengfei said'), section('Why the divergence matters')],
  images: [{ where: 'hero image', alt: 'Ren Zhengfei speaking at a lectern' }],
  tables: [{ title: 'Chips compared', sourceNote: 'Maker data', asOf: '2026-06-30' }],
  links: [{ href: '/technology/other-story', where: 'section 1', target: 'published' }],
  importNotes: 0,
  ...extra,
})
const rules = (rule: Rule, input: ChecklistArticle, options = settings) =>
  rule(input, options).map((finding) => `${finding.severity}:${finding.rule}`)

describe('each checklist rule, passing and failing', () => {
  it('a clean article passes every rule', () => {
    for (const rule of RULES) {
      expect(rule(article(), settings), rule.name).toEqual([])
    }
  })

  it('missing required fields (error): headline, dek, desk, byline, a section with a heading', () => {
    const empty = article({ headline: ' ', dek: '', hasDesk: false, bylines: 0, sections: [] })
    expect(missingRequired(empty, settings).map((finding) => finding.message)).toEqual([
      'The article has no headline: write one.',
      'The article has no dek (summary): write one or two sentences.',
      'No desk is chosen: choose one under Desk.',
      'The article has no byline: add one under Byline.',
      'The article has no sections: add one with a heading and its text.',
    ])
    expect(rules(missingRequired, article({ sections: [section(''), section('Next')] }))).toEqual([
      'error:required',
    ])
  })

  it('an import report not yet checked (error): it says how many things, and where they are listed', () => {
    expect(importNotesUnchecked(article({ importNotes: 3 }), settings)).toEqual([
      {
        rule: 'import-notes',
        severity: 'error',
        message:
          'The import could not carry 3 things exactly (listed under Imported from). Check them in the text, then tick “I have checked these in the text”.',
      },
    ])
    expect(rules(importNotesUnchecked, article({ importNotes: 0 }))).toEqual([])
  })

  it('empty section (error): a heading with nothing under it; a table alone is content', () => {
    const input = article({
      sections: [
        section('Intro'),
        section('Okay, here’s a breakdown', { paragraphs: [] }),
        section('Data', { paragraphs: [], embeds: 1 }),
      ],
    })
    const findings = emptySection(input, settings)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'error', section: 2 })
    expect(findings[0]!.message).toMatch(/table of contents/)
  })

  it('duplicate headings (error), ignoring case and spacing', () => {
    expect(
      rules(
        duplicateHeadings,
        article({ sections: [section('Background'), section(' background ')] }),
      ),
    ).toEqual(['error:duplicate-heading'])
  })

  it('image without alt text (error), including placeholder alt text', () => {
    const input = article({
      images: [
        { where: 'hero image', alt: '' },
        { where: 'share image', alt: 'IMG_2034.jpg' },
        { where: 'image in section 2', alt: 'A chip on a fingertip' },
      ],
    })
    expect(rules(imageWithoutAlt, input)).toEqual(['error:image-alt', 'error:image-alt'])
  })

  it('table without source note and date (error); missing one of them (warning)', () => {
    const input = article({
      tables: [
        { title: 'Neither', sourceNote: null, asOf: null },
        { title: 'No date', sourceNote: 'Maker data', asOf: null },
        { title: 'Both', sourceNote: 'Maker data', asOf: '2026-06-30' },
      ],
    })
    expect(rules(tableWithoutSource, input)).toEqual(['error:table-source', 'warning:table-source'])
  })

  it('link to an unpublished or missing article (error)', () => {
    const input = article({
      links: [
        { href: '/world/draft', where: 'section 1', target: 'unpublished' },
        { href: '/world/gone', where: 'section 2', target: 'missing' },
        { href: 'https://example.org', where: 'section 2', target: 'external' },
      ],
    })
    expect(rules(linkToUnpublished, input)).toEqual([
      'error:unpublished-link',
      'error:unpublished-link',
    ])
  })

  it('headline over 110 characters (error); 110 is fine', () => {
    expect(rules(headlineTooLong, article({ headline: 'x'.repeat(110) }))).toEqual([])
    expect(rules(headlineTooLong, article({ headline: 'x'.repeat(111) }))).toEqual([
      'error:headline-length',
    ])
  })

  it('capitalisation against the house style (warning)', () => {
    const random =
      'Ren Zhengfei Says U.S. And China Are Moving artificial Intelligence In divergent Directions'
    expect(rules(headingCase, article({ headline: random }))).toEqual(['warning:heading-case'])
    expect(
      rules(headingCase, article({ headline: random, sections: [] }), {
        ...settings,
        headingCase: 'title',
      }),
    ).toEqual(['warning:heading-case'])
    const title = 'Ren Zhengfei Says the US and China Diverge on Artificial Intelligence'
    expect(
      rules(headingCase, article({ headline: title, sections: [] }), {
        ...settings,
        headingCase: 'title',
      }),
    ).toEqual([])
    expect(rules(headingCase, article({ headline: title }))).toEqual(['warning:heading-case'])
    expect(caseSlips('Saeid In A Recent Address', 'sentence')).toEqual([
      'In',
      'A',
      'Recent',
      'Address',
    ])
    expect(caseSlips('Case study: Ascend 910 vs. Nvidia H100', 'sentence')).toEqual([])
  })

  it('meta description length (warning)', () => {
    expect(rules(metaDescriptionLength, article({ metaDescription: 'Too short.' }))).toEqual([
      'warning:description-length',
    ])
    expect(rules(metaDescriptionLength, article({ metaDescription: 'x'.repeat(151) }))).toEqual([
      'warning:description-length',
    ])
  })

  it('a section without keyword focus when others have it (warning); none using it is fine', () => {
    const input = article({
      sections: [section('One', { keywordFocus: ['AI chips'] }), section('Two')],
    })
    expect(rules(keywordFocusGaps, input)).toEqual(['warning:keyword-focus'])
    expect(rules(keywordFocusGaps, article())).toEqual([])
  })

  it('a table as of more than 12 months ago (warning)', () => {
    const input = article({ tables: [{ title: 'Old', sourceNote: 'Data', asOf: '2024-12-31' }] })
    expect(rules(staleTable, input)).toEqual(['warning:table-age'])
    expect(
      rules(
        staleTable,
        article({ tables: [{ title: 'Recent', sourceNote: 'Data', asOf: '2026-01-01' }] }),
      ),
    ).toEqual([])
  })

  it('a very long paragraph (warning)', () => {
    const input = article({
      sections: [section('Long', { paragraphs: ['word '.repeat(121).trim()] })],
    })
    expect(rules(longParagraphs, input)).toEqual(['warning:long-paragraph'])
  })

  it('doubled words and common typos (warning)', () => {
    const input = article({
      headline: 'The the chip race',
      sections: [section('Detail', { paragraphs: ['They will recieve the chips untill May.'] })],
    })
    expect(rules(repeatedWordsAndTypos, input)).toEqual([
      'warning:repeated-word',
      'warning:typo',
      'warning:typo',
    ])
  })
})
