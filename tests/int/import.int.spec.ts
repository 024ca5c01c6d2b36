import { readFileSync } from 'node:fs'

import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { importArticle, ImportRefused } from '@/import'
import { plainText } from '@/lib/richText'
import type { Article, ComparisonTable, Faq } from '@/payload-types'
import { referenceArticle, referenceFaqs, referenceTables } from '@/seed/data/referenceArticle'

import { createUser } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'
import { runScript } from '../support/run'

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8')
let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

/** The imported draft as an editor sees it, with its tables and FAQs in the order the text uses them. */
async function readBack(id: number) {
  const article = (await payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    depth: 1,
  })) as Article
  const tables = (article.embeddedTables ?? []) as ComparisonTable[]
  const faqs = (article.embeddedFaqs ?? []) as Faq[]
  return {
    article,
    headings: article.body.map((section) => section.heading),
    keywordFocus: article.body.map((section) => section.keywordFocus ?? []),
    tables: tables.map((table) => ({
      title: table.title,
      columns: table.columns.map((column) => column.label),
      rows: table.rows.map((row) => row.cells.map((cell) => cell.value)),
      sourceNote: table.sourceNote ?? null,
      asOf: table.asOf?.slice(0, 10) ?? null,
    })),
    faqs: faqs.map((faq) => ({ question: faq.question, answer: plainText(faq.answer) })),
  }
}

async function counts() {
  const [articles, tables, faqs] = await Promise.all(
    (['articles', 'comparison-tables', 'faqs'] as const).map((collection) =>
      payload.count({ collection }).then((result) => result.totalDocs),
    ),
  )
  return { articles, tables, faqs }
}

describe('importing files as draft articles', () => {
  it('the reference text round-trips into a draft with every section, table cell and FAQ pair', async () => {
    const result = await importArticle(payload, {
      filename: 'reference-article.txt',
      text: fixture('reference-article.txt'),
      section: 'technology',
    })
    const back = await readBack(result.id)
    expect(back.article._status).toBe('draft')
    expect(back.article.reviewStatus).toBe('draft')
    expect(back.article.breaking).toBe(true)
    expect(back.headings).toEqual(referenceArticle.sections.map((section) => section.heading))
    expect(back.keywordFocus).toEqual(
      referenceArticle.sections.map((section) => section.keywordFocus ?? []),
    )
    expect(back.tables.map((table) => [table.columns, ...table.rows])).toEqual(
      referenceTables.map((table) => [table.columns.map((column) => column.label), ...table.rows]),
    )
    expect(back.tables[1]!.sourceNote).toBe(referenceTables[1]!.sourceNote)
    expect(back.faqs).toEqual(referenceFaqs.map(({ question, answer }) => ({ question, answer })))
    expect(result.notes.map((note) => note.message)).toContain(
      'The file has no dek; the first paragraph’s opening was used. Check it.',
    )

    // Readers cannot see a draft, by id or in listings.
    expect((await rest('GET', `articles/${result.id}`)).status).toBe(404)
  })

  it('a Markdown file round-trips with its front matter, sections, table and FAQs', async () => {
    const result = await importArticle(payload, {
      filename: 'sample-article.md',
      text: fixture('sample-article.md'),
    })
    const back = await readBack(result.id)
    const article = back.article
    expect(article.headline).toBe('Tidal power plant opens on the Severn estuary')
    expect(article.dek).toMatch(/^The first turbines turned on Monday/)
    expect(typeof article.section === 'object' && article.section.slug).toBe('technology')
    expect(article.authors.map((author) => typeof author === 'object' && author.name)).toEqual([
      'Maya Okafor',
    ])
    expect(article.tags?.map((tag) => typeof tag === 'object' && tag.slug)).toEqual([
      'climate',
      'europe',
    ])
    expect(article.publishedAt?.slice(0, 10)).toBe('2026-03-02')
    expect(back.headings).toEqual([
      'Tidal power plant opens on the Severn estuary',
      'How the plant works',
      'The numbers',
      'Frequently Asked Questions',
    ])
    expect(back.keywordFocus[1]).toEqual(['tidal power', 'Severn barrage', 'renewable energy'])
    expect(plainText(article.body[1]!.content)).toContain('What is new here')
    expect(back.tables).toEqual([
      {
        title: 'Severn plant compared with other tidal plants',
        columns: ['Plant', 'Capacity (MW)', 'Opened'],
        rows: [
          ['Severn', '320', '2026'],
          ['Sihwa Lake', '254', '2011'],
          ['La Rance', '240', '1966'],
        ],
        sourceNote: "Source: operators' annual reports, as of 1 March 2026.",
        asOf: '2026-03-01',
      },
    ])
    expect(back.faqs).toEqual([
      {
        question: 'When will the plant run at full power?',
        answer: 'By 2028, when the last turbines are installed.',
      },
      {
        question: 'Does it harm wildlife?',
        answer: 'Fish passes were built into the barrage; the operator monitors salmon numbers.',
      },
    ])
  })

  it('a file with problems becomes a draft with its report beside it, which the checklist flags until checked', async () => {
    const before = await counts()
    const result = await importArticle(payload, {
      filename: 'broken-article.md',
      text: fixture('broken-article.md'),
    })
    expect(result.notes.map((note) => note.line)).toEqual([
      null,
      null,
      null,
      3,
      4,
      5,
      6,
      11,
      18,
      22,
    ])
    const back = await readBack(result.id)
    expect(back.article).toMatchObject({ _status: 'draft', headline: 'Storm damage report' })
    expect(back.article.section).toBeFalsy()
    expect(back.article.authors).toEqual([])
    expect(back.tables[0]!.rows).toEqual([
      ['High Street', '4'],
      ['Mill Lane', '2 | extra'],
    ])
    expect(await counts()).toEqual({
      articles: before.articles + 1,
      tables: before.tables + 1,
      faqs: before.faqs,
    })
    const notes = back.article.importedFrom?.notes ?? ''
    expect(notes).toContain(
      'Line 3: No byline called "Nobody We Know" exists, so it was left out: add it in the admin, then to the article.',
    )
    expect(notes).toContain('Line 4: No desk called "Weather" exists')
    expect(notes).toContain(
      'Line 18: This table row has 3 cells; the table has 2 columns, so the last cell also holds "extra".',
    )
    expect(back.article.importedFrom?.source).toBe('file: broken-article.md')

    // The publish checklist: flagged until someone ticks that they went through it.
    const { runChecklist } = await import('@/checklist')
    const { snapshotArticle } = await import('@/checklist/prepare')
    const req = await createLocalReq({}, payload)
    const rulesOf = async (article: Article) =>
      runChecklist(await snapshotArticle(article, req), {
        headingCase: 'sentence',
        now: new Date(),
      }).findings.map((finding) => finding.rule)
    expect(await rulesOf(back.article)).toContain('import-notes')
    const checked = await payload.update({
      collection: 'articles',
      id: result.id,
      draft: true,
      data: { importedFrom: { notesChecked: true } },
    })
    expect(await rulesOf(checked as Article)).not.toContain('import-notes')
  })

  it('a file that cannot be read at all is refused and saves nothing', async () => {
    const before = await counts()
    for (const text of ['', 'PNG\u0000\u0001']) {
      const refused = await importArticle(payload, { filename: 'photo.md', text }).catch(
        (error: unknown) => error,
      )
      expect(refused).toBeInstanceOf(ImportRefused)
    }
    expect(await counts()).toEqual(before)
  })

  it('a file that fails only when saved (its slug is taken) leaves no tables or FAQs behind', async () => {
    const taken = (await payload.find({ collection: 'articles', limit: 1, depth: 0, draft: true }))
      .docs[0]!.slug
    const before = await counts()
    const text = fixture('sample-article.md').replace(
      '---\n\nThe barrage',
      `slug: ${taken}\n---\n\nThe barrage`,
    )
    const refused = await importArticle(payload, { filename: 'clash.md', text }).catch(
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(ImportRefused)
    expect((refused as ImportRefused).message).toMatch(/could not be saved: slug/)
    expect(await counts()).toEqual(before)
  })
})

describe('POST /api/articles/import (the admin’s upload)', () => {
  let authorToken: string
  let authorId: number

  beforeAll(async () => {
    const user = await createUser(payload, 'author', { name: 'Importer' })
    authorId = user.id
    authorToken = await logIn(user.email)
  })

  it('creates a draft the author owns', async () => {
    const response = await rest(
      'POST',
      'articles/import',
      { filename: 'sample-article.md', text: fixture('sample-article.md') },
      authorToken,
    )
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: number }
    const article = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(article.createdBy).toBe(authorId)
    expect(article._status).toBe('draft')
  })

  it('imports a file with problems as a draft with its notes, and refuses what is not a file', async () => {
    const broken = await rest(
      'POST',
      'articles/import',
      { filename: 'broken-article.md', text: fixture('broken-article.md') },
      authorToken,
    )
    expect(broken.status).toBe(201)
    const body = await broken.json()
    expect(body.notes).toContainEqual({
      line: 18,
      message:
        'This table row has 3 cells; the table has 2 columns, so the last cell also holds "extra".',
    })

    expect(
      (await rest('POST', 'articles/import', { filename: 'x.md', text: '## A\n\nB' })).status,
    ).toBe(401)
    const wrongShape = await rest('POST', 'articles/import', { text: 42 }, authorToken)
    expect(wrongShape.status).toBe(400)
    expect((await wrongShape.json()).errors[0].message).toMatch(/^Send the file as JSON/)
    const binary = await rest(
      'POST',
      'articles/import',
      { filename: 'photo.md', text: 'PNG\u0000\u0001' },
      authorToken,
    )
    expect(binary.status).toBe(422)
    expect(await binary.json()).toMatchObject({
      errors: [{ message: 'The file was not imported; nothing was saved.' }],
      problems: [{ line: null, message: 'This is not a text file.' }],
    })
    const huge = await rest(
      'POST',
      'articles/import',
      { filename: 'huge.md', text: `## A\n\n${'word '.repeat(230_000)}` },
      authorToken,
    )
    expect(huge.status).toBe(413)
  })
})

describe('npm run import', () => {
  it(
    'imports a file and prints where to edit it, with what it could not carry; an unreadable file exits 1',
    { timeout: 300_000 },
    () => {
      const cli = (file: string, expectOutput: RegExp) => {
        const run = runScript('src/scripts/importArticle.ts', [file, '--section', 'technology'])
        expect(run.stdout + run.stderr).toMatch(expectOutput)
        return run.status
      }
      expect(
        cli(
          'tests/fixtures/reference-article.txt',
          /Edit it at \/admin\/collections\/articles\/\d+/,
        ),
      ).toBe(0)
      expect(
        cli('tests/fixtures/broken-article.md', /Note: Line 18: This table row has 3 cells/),
      ).toBe(0)
      expect(
        cli(
          'tests/fixtures/ghost/export.json',
          /This is a JSON file: a Ghost export comes in with npm run import:ghost/,
        ),
      ).toBe(1)
    },
  )
})
