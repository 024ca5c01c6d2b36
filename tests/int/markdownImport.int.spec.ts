import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, ComparisonTable } from '@/payload-types'

import { testPayload } from '../support/payload'
import { runScript } from '../support/run'

/**
 * `npm run import -- <folder>`: Markdown as Jekyll, Hugo and Eleventy write it
 * (tests/fixtures/markdown/), every file a draft with what it could not carry
 * listed beside it; a second run imports nothing twice.
 */

let payload: Payload
let first: ReturnType<typeof runScript>

type Node = {
  type: string
  text?: string
  format?: number
  url?: string
  fields?: Record<string, unknown>
  children?: Node[]
}

async function draft(headline: string): Promise<Article> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { headline: { equals: headline } },
    draft: true,
    depth: 1,
  })
  expect(docs, headline).toHaveLength(1)
  return docs[0] as Article
}

const nodes = (article: Article): Node[] => {
  const all: Node[] = []
  const walk = (node: Node) => {
    all.push(node)
    node.children?.forEach(walk)
  }
  for (const section of article.body) {
    ;(section.content as unknown as { root: Node }).root.children?.forEach(walk)
  }
  return all
}

beforeAll(async () => {
  payload = await testPayload()
  first = runScript('src/scripts/importArticle.ts', [
    'tests/fixtures/markdown',
    '--base-url',
    'https://old-harbour.example/2024/05/',
  ])
}, 300_000)

describe('npm run import -- <folder>', () => {
  it('imports every Markdown file as a draft and refuses the one that is not text', () => {
    const output = first.stdout + first.stderr
    expect(output).toMatch(/eleventy\/photo\.md: The file was not imported[\s\S]*not a text file/)
    expect(output).toMatch(
      /Done: 4 imported as drafts \(\d+ notes, also beside each draft under Imported from\), 0 already imported, 1 refused\./,
    )
    expect(first.status).toBe(1)
  })

  it('reads YAML front matter with Jekyll’s fields, and carries code, lists, tables, inline HTML and links', async () => {
    const cranes = await draft('Quay cranes return after the winter refit')
    expect(cranes._status).toBe('draft')
    expect(cranes.dek).toBe(
      "The harbour's two cranes are back at work, with new motors and a new control room.",
    )
    expect(typeof cranes.section === 'object' && cranes.section?.slug).toBe('technology')
    expect(cranes.authors.map((author) => typeof author === 'object' && author.name)).toEqual([
      'Maya Okafor',
    ])
    expect(cranes.tags?.map((tag) => typeof tag === 'object' && tag.slug).sort()).toEqual([
      'climate',
      'europe',
    ])
    expect(cranes.publishedAt).toBe('2024-05-02T09:30:00.000Z')
    // Jekyll's file name gives the slug, so the old address maps onto the new one.
    expect(cranes.slug).toBe('quay-cranes-return')
    expect(cranes.importedFrom?.notes).toContain(
      'The slug "quay-cranes-return" was taken from the file\'s name.',
    )
    // "#" headings are sections when the title is in the front matter; footnotes get their own.
    expect(cranes.body.map((section) => section.heading)).toEqual([
      'Quay cranes return after the winter refit',
      'What changed',
      'Notes',
    ])
    const all = nodes(cranes)
    const blocks = all.filter((node) => node.type === 'block').map((node) => node.fields)
    expect(blocks).toContainEqual(
      expect.objectContaining({
        blockType: 'code',
        language: 'python',
        code: 'lifts = [12, 15, 9]\nprint(sum(lifts))',
      }),
    )
    expect(blocks).toContainEqual(
      expect.objectContaining({ blockType: 'code', code: '$ crane status --all' }),
    )
    const table = blocks.find((block) => block?.blockType === 'comparisonTable')?.table as
      ComparisonTable | number
    const stored = await payload.findByID({
      collection: 'comparison-tables',
      id: typeof table === 'object' ? table.id : table,
    })
    expect(stored.columns.map((column) => column.label)).toEqual(['Column 1', 'Before', 'After'])
    expect(stored.rows.map((row) => row.cells.map((cell) => cell.value))).toEqual([
      ['Lifts an hour', '22', '30'],
      ['Crew', '3', ''],
    ])
    // A nested list stays nested.
    const lists = all.filter((node) => node.type === 'list')
    expect(lists.length).toBeGreaterThanOrEqual(2)
    // <kbd> is code, <sub> subscript, <cite> italic; links resolve, relative ones against --base-url.
    const texts = all.filter((node) => node.type === 'text')
    const format = (text: string) => texts.find((node) => node.text === text)?.format
    expect(format('Ctrl')).toBe(16)
    expect(format('2')).toBe(32)
    expect(format('The Harbour Gazette')).toBe(2)
    const links = all.filter((node) => node.type === 'link').map((node) => node.fields?.url)
    expect(links).toEqual(
      expect.arrayContaining([
        'https://harbour.example/refit-plan',
        'https://old-harbour.example/2023/05/cranes-leave/',
      ]),
    )
    const body = JSON.stringify(cranes.body)
    for (const hostile of ['<script', 'alert(1)', 'onclick', 'steal()']) {
      expect(body).not.toContain(hostile)
    }
    expect(body).toContain('night shift')
    const notes = cranes.importedFrom?.notes ?? ''
    expect(notes).toContain(
      'Line 2: The front matter field "layout" has no place in an article; it was left out.',
    )
    // The image beside the file is in Media now, with its alt text and title as caption.
    const upload = all.find((node) => node.type === 'upload') as
      (Node & { value?: { id: number } | number }) | undefined
    expect(upload).toBeDefined()
    const image = await payload.findByID({
      collection: 'media',
      id: typeof upload!.value === 'object' ? upload!.value.id : upload!.value!,
    })
    expect(image).toMatchObject({
      alt: 'The north quay cranes at dawn',
      caption: 'The cranes at dawn',
      filename: expect.stringMatching(/^cranes/),
    })
    expect(image.importedFrom).toMatch(
      /^file:\/\/\/.*\/tests\/fixtures\/markdown\/jekyll\/_posts\/images\/cranes\.png$/,
    )
    expect(notes).toMatch(/expansion "Harbour Authority" is not shown/)
    expect(notes).toMatch(/Column 1 of this table has no heading/)
    expect(notes).toMatch(/This table row has 2 cells; the table has 3 columns/)
    expect(notes).toMatch(/Dropped the event handler onclick/)
    expect(notes).toMatch(/Dropped a <script> element/)
    expect(cranes.importedFrom?.source).toBe(
      'markdown: jekyll/_posts/2024-05-02-quay-cranes-return.md',
    )
  })

  it('reads TOML, JSON and bare YAML front matter the way Hugo and Eleventy write it', async () => {
    const dredging = await draft('Dredging deepens the harbour channel')
    expect(dredging.dek).toMatch(/^The channel is two metres deeper/)
    expect(dredging.publishedAt).toBe('2024-06-10T08:00:00.000Z')
    expect(dredging.importedFrom?.notes).toContain(
      'Line 8: The front matter field "weight" has no place in an article; it was left out.',
    )
    expect(dredging.importedFrom?.notes).toContain('Line 9: It was a draft where it came from.')
    expect(JSON.stringify(dredging.body)).toContain('depth = 12.5')
    // The front matter's cover is the hero; images that cannot be had keep their alt text.
    const hero = dredging.heroImage as { alt: string } | null
    expect(hero?.alt).toBe('The dredger at work in the channel')
    const dredgingNotes = dredging.importedFrom?.notes ?? ''
    expect(dredgingNotes).toMatch(
      /The image https:\/\/charts\.example\/depth\.png was not fetched \(--fetch-media/,
    )
    expect(dredgingNotes).toMatch(/survey\.png could not be had from the folder .*there is no/)
    expect(dredgingNotes).toMatch(
      /hostname could not be had from the folder .*there is no etc\/hostname/,
    )
    expect(JSON.stringify(dredging.body)).toContain('[Image: The survey boat]')

    const gauge = await draft('A new tide gauge on the pier head')
    expect(gauge.publishedAt).toBe('2024-07-01T10:00:00.000Z')
    expect(gauge.authors).toHaveLength(1)
    expect(gauge.importedFrom?.notes ?? null).toBeNull()

    const lamp = await draft('The lighthouse gets an LED lamp')
    expect(lamp.body.map((section) => section.heading)).toEqual(['Brighter, and cheaper'])
    expect(lamp.dek).toBe('The new lamp uses a tenth of the power of the old one.')
  })

  it('a second run imports nothing twice', async () => {
    const before = await payload.count({ collection: 'articles' })
    const again = runScript('src/scripts/importArticle.ts', ['tests/fixtures/markdown'])
    const output = again.stdout + again.stderr
    expect(output).toMatch(/Done: 0 imported as drafts .*, 4 already imported, 1 refused\./)
    expect(
      await payload.count({ collection: 'media', where: { importedFrom: { like: 'file://' } } }),
    ).toMatchObject({ totalDocs: 2 })
    expect(output).toMatch(/hugo\/tide-gauge\.md: already imported, unchanged/)
    expect(await payload.count({ collection: 'articles' })).toEqual(before)
  })
})
