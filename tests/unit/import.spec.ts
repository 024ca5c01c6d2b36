import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { parseArticleFile } from '@/import'
import { asOfDate, parseLooseDate } from '@/import/body'
import { frontMatterDate } from '@/import/markdown'
import { Report } from '@/import/problems'
import { referenceArticle, referenceFaqs, referenceTables } from '@/seed/data/referenceArticle'

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8')

function parse(name: string, text = fixture(name)) {
  const report = new Report()
  return { article: parseArticleFile(name, text, report), report }
}

describe('importing the reference article as plain text', () => {
  const { article, report } = parse('reference-article.txt')

  it('understands every line, noting the contents entry with no section', () => {
    expect(report.problems).toEqual([])
    expect(report.notes).toEqual([
      {
        line: 12,
        message:
          'Contents entry 10 has no heading in the text; it was imported as an empty section.',
      },
    ])
  })

  it('keeps the headline, the Breaking label, the byline and the date', () => {
    expect(article.headline).toBe(referenceArticle.headline)
    expect(article.breaking).toBe(true)
    expect(article.bylines.map((ref) => ref.value)).toEqual(['Archyde Staff'])
    expect(article.date).toBe(referenceArticle.publishedAt)
  })

  it('makes the same 19 sections, with their keyword focus, as the seeded copy', () => {
    expect(article.sections.map((section) => section.heading)).toEqual(
      referenceArticle.sections.map((section) => section.heading),
    )
    expect(article.sections.map((section) => section.keywordFocus ?? [])).toEqual(
      referenceArticle.sections.map((section) => section.keywordFocus ?? []),
    )
    expect(article.sections.map((section) => section.blocks.map((block) => block.type))).toEqual(
      referenceArticle.sections.map((section) => section.blocks.map((block) => block.type)),
    )
  })

  it('turns both tables into comparison tables cell for cell, the second with its source note', () => {
    expect(article.tables.map((table) => table.columns.map((column) => column.label))).toEqual(
      referenceTables.map((table) => table.columns.map((column) => column.label)),
    )
    expect(article.tables.map((table) => table.rows)).toEqual(
      referenceTables.map((table) => table.rows),
    )
    expect(article.tables[0]!.sourceNote).toBeUndefined()
    expect(article.tables[1]!.sourceNote).toBe(referenceTables[1]!.sourceNote)
  })

  it('turns the FAQ section into its five question and answer pairs', () => {
    expect(article.faqs.map(({ question, answer }) => ({ question, answer }))).toEqual(
      referenceFaqs.map(({ question, answer }) => ({ question, answer })),
    )
  })
})

describe('importing Markdown', () => {
  const { article, report } = parse('sample-article.md')

  it('reads front matter, sections, subheadings, formatting, links and quotes', () => {
    expect(report.problems).toEqual([])
    expect(article).toMatchObject({
      headline: 'Tidal power plant opens on the Severn estuary',
      dek: 'The first turbines turned on Monday; the operator says the plant will power 120,000 homes by 2028.',
      section: { value: 'Technology', line: 5 },
      bylines: [{ value: 'Maya Okafor', line: 4 }],
      tags: [
        { value: 'Climate', line: 7 },
        { value: 'Europe', line: 7 },
      ],
      date: '2026-03-02T09:00:00.000Z',
    })
    expect(article.sections.map((section) => section.heading)).toEqual([
      'Tidal power plant opens on the Severn estuary',
      'How the plant works',
      'The numbers',
      'Frequently Asked Questions',
    ])
    expect(article.sections[1]!.blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          'Water flows through the turbines as the tide rises and falls, so the plant generates ',
          { text: 'four times a day', italic: true },
          '.',
        ],
      },
      { type: 'heading', tag: 'h3', children: ['What is new here'] },
      {
        type: 'paragraph',
        children: [
          'The turbines turn in both directions. Read the ',
          {
            text: 'operator’s statement'.replace('’', "'"),
            href: 'https://example.org/severn-tidal',
          },
          '.',
        ],
      },
      {
        type: 'quote',
        children: [
          '"It is the most predictable renewable power there is," said the site\'s chief engineer.',
        ],
      },
    ])
    expect(article.sections[1]!.keywordFocus).toEqual([
      'tidal power',
      'Severn barrage',
      'renewable energy',
    ])
  })

  it('turns a GFM table into a comparison table named by its caption, with source and date', () => {
    expect(article.tables).toEqual([
      {
        key: 'table-1',
        title: 'Severn plant compared with other tidal plants',
        columns: [
          { label: 'Plant', type: 'text' },
          { label: 'Capacity (MW)', type: 'text' },
          { label: 'Opened', type: 'text' },
        ],
        rows: [
          ['Severn', '320', '2026'],
          ['Sihwa Lake', '254', '2011'],
          ['La Rance', '240', '1966'],
        ],
        sourceNote: "Source: operators' annual reports, as of 1 March 2026.",
        asOf: '2026-03-01',
      },
    ])
  })

  it('turns "###" questions in the FAQ section into pairs, and a rule ends the last answer', () => {
    expect(article.faqs.map(({ question, answer }) => [question, answer])).toEqual([
      ['When will the plant run at full power?', 'By 2028, when the last turbines are installed.'],
      [
        'Does it harm wildlife?',
        'Fish passes were built into the barrage; the operator monitors salmon numbers.',
      ],
    ])
    expect(article.sections[3]!.blocks).toEqual([
      { type: 'faq', faqs: ['faq-1', 'faq-2'] },
      { type: 'paragraph', children: ['Tell us what you think in the comments below.'] },
    ])
  })
})

describe('what a file holds that an article cannot carry exactly', () => {
  it('is imported as well as it can be and noted line by line', () => {
    const { article, report } = parse('broken-article.md')
    expect(report.problems).toEqual([])
    expect(report.notes.map((note) => [note.line, note.message])).toEqual([
      [
        5,
        '"the day before yesterday" is not a date (write it as 2025-12-05 or 2025-12-05T14:30); the article has no date yet.',
      ],
      [6, 'The front matter field "mood" has no place in an article; it was left out.'],
      [
        11,
        'The image "A fallen tree" was kept as its alt text: upload it under Media and add it to the text (npm run import brings the images next to a file).',
      ],
      [
        18,
        'This table row has 3 cells; the table has 2 columns, so the last cell also holds "extra".',
      ],
      [
        22,
        'The question "Will the roads reopen today?" has no answer after it; it stays as a subheading.',
      ],
    ])
    const [what] = article.sections
    expect(what!.blocks).toEqual([
      { type: 'paragraph', children: [{ text: '[Image: A fallen tree]', italic: true }] },
      { type: 'paragraph', children: ['tweet'] },
      { type: 'table', table: 'table-1' },
    ])
    expect(article.tables[0]!.rows).toEqual([
      ['High Street', '4'],
      ['Mill Lane', '2 | extra'],
    ])
    expect(article.sections[1]!.blocks).toEqual([
      { type: 'heading', tag: 'h3', children: ['Will the roads reopen today?'] },
    ])
  })

  it.each([
    [
      'broken front matter',
      '---\nheadline: [unclosed\n---\n\n## A\n\nText.',
      2,
      /^The YAML front matter could not be read/,
    ],
    [
      'a javascript: link',
      '## A\n\n[click](javascript:alert(1))',
      3,
      /kept as text: javascript: addresses are not allowed/,
    ],
    [
      'a relative link without --base-url',
      '## A\n\n[the rest](../rest.html)',
      3,
      /relative link "..\/rest.html" was kept as text/,
    ],
    [
      'a one-column table',
      '## A\n\n| a |\n|---|\n| 1 |',
      3,
      /this one has 1, so its rows became a list/,
    ],
    // Short rows are reported like long ones (a check that let them through passed every other test).
    [
      'a table row with too few cells',
      '## A\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 |',
      6,
      /^This table row has 2 cells; the table has 3 columns, so empty cells were added\.$/,
    ],
    [
      'a table row with one cell',
      '## A\n\n| a | b |\n|---|---|\n| 1 |',
      5,
      /^This table row has 1 cell; the table has 2 columns, so empty cells were added\.$/,
    ],
    [
      'a table with an empty header cell',
      '## A\n\n|   | 2025 |\n|---|---|\n| Sales | 4 |',
      3,
      /Column 1 of this table has no heading; it is called "Column 1"/,
    ],
    ['a second title', '# One\n\n## A\n\nText.\n\n# Two', 7, /"# " headings were read as sections/],
    [
      'a code block in an unknown language',
      '## A\n\n```brainfuck\n+++.\n```',
      3,
      /labelled Plain text/,
    ],
    ['a level-5 heading', '## A\n\n##### Small', 3, /became the smallest subheading/],
    [
      'an abbreviation',
      '## A\n\nThe <abbr title="World Health Organization">WHO</abbr> said.',
      3,
      /expansion "World Health Organization" is not shown/,
    ],
    [
      'a script in the text',
      '## A\n\nHello <script>alert(1)</script> there.',
      3,
      /Dropped a <script> element/,
    ],
  ])('%s', (_, text, line, message) => {
    const { report } = parse('file.md', text)
    expect(report.problems).toEqual([])
    expect(report.notes).toContainEqual({ line, message: expect.stringMatching(message) })
  })

  it('a file with nothing readable is refused; Markdown special characters in plain text stay text', () => {
    expect(parse('photo.md', 'PNG\u0000').report.problems[0]?.message).toBe(
      'This is not a text file.',
    )
    expect(parse('empty.md', '').report.notes[0]?.message).toMatch(/has no sections/)
    const { article, report } = parse(
      'notes.txt',
      'A headline\n\nBy Maya Okafor\n\nWhat happened\n*Not bold* and <b>not HTML</b> & 1 < 2.\n# not a heading, either.',
    )
    expect(report.problems).toEqual([])
    expect(article.sections[0]!.heading).toBe('What happened')
    expect(article.sections[0]!.blocks).toEqual([
      { type: 'paragraph', children: ['*Not bold* and <b>not HTML</b> & 1 < 2.'] },
      { type: 'paragraph', children: ['# not a heading, either.'] },
    ])
  })
})

describe('Markdown as static-site generators write it', () => {
  const body = '\n## What happened\n\nThe pier reopened.\n'

  it.each([
    [
      'YAML',
      `---\ntitle: Pier reopens\nauthor: Maya Okafor\ncategories: [Technology, Harbours]\ndate: 2024-05-02 10:30:00 +0100\n---\n${body}`,
    ],
    [
      'YAML without its opening ---',
      `title: Pier reopens\nauthor: Maya Okafor\ncategories: [Technology, Harbours]\ndate: 2024-05-02 10:30:00 +0100\n---\n${body}`,
    ],
    [
      'TOML',
      `+++\ntitle = "Pier reopens"\nauthors = ["Maya Okafor"]\ncategories = ["Technology", "Harbours"]\ndate = 2024-05-02T10:30:00+01:00\n+++\n${body}`,
    ],
    [
      'JSON',
      `{\n  "title": "Pier reopens",\n  "author": {"name": "Maya Okafor"},\n  "categories": ["Technology", "Harbours"],\n  "date": "2024-05-02T10:30:00+01:00"\n}\n${body}`,
    ],
  ])('reads %s front matter', (_, text) => {
    const { article, report } = parse('2024-05-02-pier.md', text)
    expect(report.problems).toEqual([])
    expect(article).toMatchObject({
      headline: 'Pier reopens',
      bylines: [{ value: 'Maya Okafor' }],
      section: { value: 'Technology' },
      tags: [{ value: 'Harbours' }],
      date: '2024-05-02T09:30:00.000Z',
    })
    expect(article.sections.map((section) => section.heading)).toEqual(['What happened'])
    expect(report.notes.map((note) => note.message)).toEqual([
      'Categories after the first (Harbours) were read as topics.',
    ])
  })

  it('notes a field it has no place for, on its line, in every format', () => {
    const toml = parse('a.md', `+++\ntitle = "A"\nlayout = "post"\n+++\n${body}`).report
    expect(toml.notes).toContainEqual({
      line: 3,
      message: 'The front matter field "layout" has no place in an article; it was left out.',
    })
    const json = parse('a.md', `{\n"title": "A",\n"weight": 3\n}\n${body}`).report
    expect(json.notes).toContainEqual({
      line: 3,
      message: expect.stringMatching(/"weight" has no place/),
    })
    const broken = parse('a.md', `+++\ntitle = \n+++\n${body}`).report
    expect(broken.notes[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^The TOML front matter could not be read/),
    })
  })

  it('carries code, nested lists, inline HTML, footnotes, rules and resolved links', () => {
    const report = new Report()
    const article = parseArticleFile(
      'post.md',
      [
        '---',
        'title: Notes from the quay',
        '---',
        '',
        '# Setting up',
        '',
        'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then H<sub>2</sub>O and E = mc<sup>2</sup>; <mark>marked</mark>, <del>gone</del>, <cite>The Times</cite>.',
        '',
        '```js',
        'const x = 1',
        '```',
        '',
        '    indented code',
        '',
        '- one',
        '  - one point one',
        '- two',
        '',
        'See [the docs][docs] and [the rest](rest/) and ~~old~~ `inline`.[^1]',
        '',
        '---',
        '',
        '[docs]: https://example.org/docs',
        '[^1]: A footnote.',
      ].join('\n'),
      report,
      { baseUrl: 'https://old.example/2024/' },
    )
    expect(report.problems).toEqual([])
    const [first, notes] = article.sections
    expect(first!.heading).toBe('Setting up')
    expect(first!.blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          'Press ',
          { text: 'Ctrl', code: true },
          '+',
          { text: 'C', code: true },
          ', then H',
          { text: '2', subscript: true },
          'O and E = mc',
          { text: '2', superscript: true },
          '; marked, ',
          { text: 'gone', strikethrough: true },
          ', ',
          { text: 'The Times', italic: true },
          '.',
        ],
      },
      { type: 'code', language: 'javascript', code: 'const x = 1' },
      { type: 'code', language: 'plaintext', code: 'indented code' },
      {
        type: 'list',
        ordered: false,
        items: [['one'], ['two']],
        nested: [{ type: 'list', ordered: false, items: [['one point one']] }, null],
      },
      {
        type: 'paragraph',
        children: [
          'See ',
          { text: 'the docs', href: 'https://example.org/docs' },
          ' and ',
          { text: 'the rest', href: 'https://old.example/2024/rest/' },
          ' and ',
          { text: 'old', strikethrough: true },
          ' ',
          { text: 'inline', code: true },
          '.',
          { text: '1', superscript: true },
        ],
      },
      { type: 'rule' },
    ])
    expect(notes).toEqual({
      heading: 'Notes',
      blocks: [{ type: 'list', ordered: true, items: [['A footnote.']] }],
    })
  })
})

describe('plain text without the reference article’s shape', () => {
  it('guesses headings only from short title-like lines, and says which lines it read so', () => {
    const { article, report } = parse(
      'wrapped.txt',
      [
        'Council votes on the budget',
        '',
        'By Maya Okafor',
        'What happened',
        'The council met on Monday.',
        '"We will fight this," said the mayor',
        'and the meeting ran late',
        'Reaction',
        'Residents were divided.',
      ].join('\n'),
    )
    expect(article.sections.map((section) => section.heading)).toEqual([
      'What happened',
      'Reaction',
    ])
    expect(report.notes).toEqual([
      { line: 4, message: 'Read as a section heading (the file has no table of contents).' },
      { line: 8, message: 'Read as a section heading (the file has no table of contents).' },
    ])
  })

  it('matches a heading listed twice in the contents to its entries in turn, and notes a different order', () => {
    const { article, report } = parse(
      'twice.txt',
      [
        'Two updates',
        'Table of Contents',
        '- 1. Update',
        '- 2. Background',
        '- 3. Update',
        'By Maya Okafor',
        'Update',
        'First update.',
        'Update',
        'Second update.',
        'Background',
        'Some background.',
      ].join('\n'),
    )
    expect(article.sections.map((section) => [section.heading, section.blocks.length])).toEqual([
      ['Update', 1],
      ['Background', 1],
      ['Update', 1],
    ])
    expect(article.sections[2]!.blocks[0]).toEqual({
      type: 'paragraph',
      children: ['Second update.'],
    })
    expect(report.notes.map((note) => note.message)).toEqual([
      'The text’s sections are not in the order of its table of contents; they follow the contents.',
    ])
  })
})

describe('dates as newsrooms write them', () => {
  it.each([
    ['Dec.05, 2025', '2025-12-05'],
    ['5 December 2025', '2025-12-05'],
    ['2025-12-05', '2025-12-05'],
    ['December 2024', '2024-12-31'],
    ['February 30, 2025', null],
    ['2025-02-31', null],
    ['yesterday', null],
  ])('%s → %s', (text, expected) => {
    expect(parseLooseDate(text)).toBe(expected)
  })

  it.each([
    ['2025-12-05', '2025-12-05T09:00:00.000Z'],
    ['2025-12-05T14:30', '2025-12-05T14:30:00.000Z'],
    ['2025-12-05 14:30:15Z', '2025-12-05T14:30:15.000Z'],
    ['2025-12-05T25:99', null],
    ['2025-02-31', null],
    ['2025-12-05T14:30+02:00', '2025-12-05T12:30:00.000Z'],
    ['2025-12-05 14:30:00 +0100', '2025-12-05T13:30:00.000Z'],
  ])('front matter date %s → %s', (text, expected) => {
    expect(frontMatterDate(text)).toBe(expected)
  })

  it('finds an "as of" date in a source note', () => {
    expect(asOfDate('Company filings, as of 31 March 2026.')).toBe('2026-03-31')
    expect(asOfDate('Based on public pricing (TechInsights, 2024).')).toBeNull()
  })
})
