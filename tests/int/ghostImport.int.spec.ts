import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type GhostReport, GhostUnreadable, importGhost, readGhost } from '@/import/ghost'
import { mediaFromFolder } from '@/import/media'
import type { Article, Author, Desk, Media, Tag } from '@/payload-types'
import { createRedirectResolver } from '@/redirects/resolve'

import { testPayload } from '../support/payload'
import { runScript } from '../support/run'

const FIXTURE = 'tests/fixtures/ghost/export.json'
const resolver = createRedirectResolver({ connectionString: process.env.DATABASE_URL!, ttlMs: 0 })
afterAll(() => resolver.close())

let payload: Payload
let first: GhostReport

const run = () => importGhost(payload, readFileSync(FIXTURE, 'utf8'))

async function imported(n: number): Promise<Article> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: {
      'importedFrom.source': { equals: `ghost:0e7b1c2a-0001-4000-8000-00000000000${n}` },
    },
    draft: true,
    depth: 1,
    limit: 2,
  })
  expect(docs).toHaveLength(1)
  return docs[0] as Article
}

type Node = { type: string; text?: string; format?: number; fields?: Record<string, unknown> }
type Tree = Node & { children?: Tree[] }
const nodesOf = (article: Article): Tree[] =>
  article.body.flatMap(
    (section) => (section.content as unknown as { root: { children: Tree[] } }).root.children,
  )
const words = (tree: Tree[]): string =>
  tree.map((node) => node.text ?? words(node.children ?? [])).join(' ')

beforeAll(async () => {
  payload = await testPayload()
  first = await run()
}, 300_000)

describe('importing a Ghost export (JSON)', () => {
  it('imports posts and pages, skips what is not a post with its reason, and reports what it left out', () => {
    expect(first).toMatchObject({ done: 11, imported: 8, updated: 0, unchanged: 0, skipped: 3 })
    expect(first.skippedItems).toEqual([
      { item: 'post 9 of the export', reason: expect.stringMatching(/not a Ghost post \(id:/) },
      // Members and newsletters are not articles: counted, never imported.
      { item: '2 members', reason: expect.stringMatching(/Ghost's members are not imported/) },
      {
        item: '1 newsletter',
        reason: expect.stringMatching(/Ghost's newsletters are not imported/),
      },
    ])
    const about = (n: string) => first.notes.filter((line) => line.startsWith(`post ${n} `))
    expect(about('6650a0000000000000000001')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/code injection .* left out, never run/),
        expect.stringMatching(
          /featured image \(\/content\/images\/2024\/05\/ferry.jpg\) was not brought in/,
        ),
        expect.stringMatching(/internal tag #featured was left out/),
      ]),
    )
  })

  it('keeps each status: published with its date, drafts, scheduled through the jobs queue, members-only and newsletter-only as drafts', async () => {
    const ferry = await imported(1)
    expect(ferry._status).toBe('published')
    expect(ferry.publishedAt).toBe('2024-05-01T09:30:00.000Z')
    expect((await imported(3))._status).toBe('draft')
    const regatta = await imported(4)
    expect(regatta._status).toBe('draft')
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'schedulePublish' } },
          { 'input.doc.value': { equals: regatta.id } },
        ],
      },
    })
    expect(jobs.docs.map((job) => new Date(String(job.waitUntil)).toISOString())).toEqual([
      '2031-07-01T12:00:00.000Z',
    ])
    expect((await imported(5))._status).toBe('draft')
    expect(first.notes).toContainEqual(expect.stringMatching(/paying members only in Ghost/))
    expect((await imported(8))._status).toBe('draft')
    expect(first.notes).toContainEqual(expect.stringMatching(/sent as a newsletter only/))
    const about = await imported(6)
    expect((about.section as Desk).slug).toBe('pages')
    // Nothing that was not public in Ghost is readable here.
    const readable = await payload.find({
      collection: 'articles',
      where: { 'importedFrom.source': { like: 'ghost:' } },
      overrideAccess: false,
      limit: 20,
    })
    expect(readable.docs.map((doc) => doc.slug).sort()).toEqual([
      'about-herald',
      'night-ferry-returns',
      'storm-closes-pier',
      'tide-tables-may',
    ])
  })

  it('files a post under its primary tag as desk, its other public tags as topics, and every author as a byline', async () => {
    const ferry = await imported(1)
    expect((ferry.section as Desk).slug).toBe('harbour')
    expect((ferry.tags as Tag[]).map((tag) => tag.slug)).toEqual(['ferries'])
    expect((ferry.authors as Author[]).map((author) => author.name)).toEqual([
      'Mara Quayle',
      'Tomas Reed',
    ])
    const storm = await imported(2)
    expect((storm.section as Desk).slug).toBe('tides')
    expect((storm.tags as Tag[]).map((tag) => tag.slug)).toEqual(['harbour'])
    expect(storm.headline).toBe('Storm closes the pier <for now>')
    const harbour = await payload.find({
      collection: 'sections',
      where: { slug: { equals: 'harbour' } },
    })
    expect(harbour.docs[0]?.description).toBe('The harbour and its boats.')
    const hashed = await payload.find({
      collection: 'tags',
      where: { slug: { equals: 'hash-featured' } },
    })
    expect(hashed.totalDocs).toBe(0)
  })

  it('carries the body: sections from h2, code with its language, pull quotes from the alternative quote, rules, marks, lists, and site links made local', async () => {
    const ferry = await imported(1)
    expect(ferry.body.map((section) => section.heading)).toEqual([
      'Night ferry returns to the harbour',
      'What it costs',
      'Who uses it',
    ])
    expect(ferry.dek).toBe('After four years the 23:40 sailing is back, funded for two years.')
    const nodes = nodesOf(ferry)
    const blocks = nodes.filter((node) => node.type === 'block').map((node) => node.fields)
    expect(blocks).toContainEqual(
      expect.objectContaining({
        blockType: 'code',
        language: 'python',
        code: 'fare = 2.40\nprint(fare * 2)',
      }),
    )
    expect(blocks).toContainEqual(
      expect.objectContaining({ blockType: 'pullQuote', quote: 'A ferry at midnight, again.' }),
    )
    // Ghost's embed card is YouTube's player in a frame: an embed block of the video's page.
    expect(blocks).toContainEqual(
      expect.objectContaining({
        blockType: 'embed',
        url: 'https://www.youtube.com/watch?v=xyz789',
      }),
    )
    expect(nodes.some((node) => node.type === 'horizontalrule')).toBe(true)
    expect(nodes.some((node) => node.type === 'quote')).toBe(true)
    expect(nodes.flatMap((node) => node.children ?? [])).toContainEqual(
      expect.objectContaining({ text: '4', format: 64 }),
    )
    const link = JSON.stringify(ferry.body).match(/"url":"([^"]*)"/)
    expect(link?.[1]).toBe('/ferry-timetable/')
    const text = words(nodes)
    expect(text).toContain('Tickets go on sale in June.')
    expect(text).toContain('mostly in summer')
    expect(text).toContain('The quay at night')
    // A post Ghost exported without HTML keeps its plain text.
    expect(words(nodesOf(await imported(7)))).toContain('Low water at 12:30.')
  })

  it('leaves hostile content inert: scripts, styles, SVG and handlers dropped, javascript: links as text', async () => {
    const storm = await imported(2)
    const stored = JSON.stringify(storm.body)
    for (const hostile of ['<script', 'steal()', 'javascript:', 'onclick', 'onerror', '<svg']) {
      expect(stored).not.toContain(hostile)
    }
    expect(stored).not.toMatch(/"type":"(auto)?link"/)
    expect(words(nodesOf(storm))).toContain('Sailings resume Monday.')
    expect(words(nodesOf(storm))).toContain('minutes')
  })

  it("answers Ghost's old addresses with a 301: posts, pages, tags and authors", async () => {
    const cases: [string, string][] = [
      ['/night-ferry-returns/', '/harbour/night-ferry-returns'],
      ['/about-herald/', '/pages/about-herald'],
      ['/tag/harbour/', '/harbour'],
      ['/tag/ferries/', '/tags/ferries'],
      ['/author/tomas/', '/authors/tomas'],
    ]
    for (const [from, to] of cases) {
      expect(await resolver.resolve(from), from).toEqual({ location: to, status: 301 })
    }
    expect(await resolver.resolve('/harbour-budget-draft/')).toBeNull()
  })

  it('a second run changes nothing', async () => {
    const saved = async () => {
      const { docs } = await payload.find({
        collection: 'articles',
        where: { 'importedFrom.source': { like: 'ghost:' } },
        draft: true,
        limit: 20,
        sort: 'id',
      })
      return docs.map((doc) => [doc.id, doc.updatedAt, doc._status])
    }
    const before = await saved()
    const again = await run()
    expect(again).toMatchObject({ done: 11, imported: 0, updated: 0, unchanged: 8, skipped: 3 })
    expect(await saved()).toEqual(before)
  })

  it('refuses a file that is not a Ghost export, with its reason', () => {
    expect(() => readGhost('{"posts": [')).toThrow(GhostUnreadable)
    expect(() => readGhost('{"posts": [')).toThrow(/not JSON/)
    expect(() => readGhost('{"db": [{"meta": {}}]}')).toThrow(/not a Ghost export/)
    expect(() => readGhost('[1, 2, 3]')).toThrow(/not a Ghost export/)
  })

  it('runs from the command line with a progress line and a report', () => {
    const result = runScript('src/scripts/importGhost.ts', [FIXTURE])
    expect(result.stderr).toContain('11/11 items')
    expect(result.stdout).toMatch(/Done in .*: 0 imported, 0 updated, 8 unchanged, 3 skipped\./)
    expect(result.stdout).toContain("Skipped 2 members: Ghost's members are not imported")
    expect(result.status).toBe(0)

    const refused = runScript('src/scripts/importGhost.ts', ['tests/fixtures/wordpress/export.xml'])
    expect(refused.stderr).toMatch(/was not imported: This is not JSON/)
    expect(refused.status).toBe(1)
  }, 300_000)

  it('brings the feature image and body images from a folder of content/images (--media-from)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ghost-images-'))
    mkdirSync(path.join(dir, '2024', '05'), { recursive: true })
    for (const [name, background] of [
      ['ferry.jpg', '#203040'],
      ['quay.jpg', '#405060'],
    ] as const) {
      const image = await sharp({ create: { width: 1200, height: 800, channels: 3, background } })
        .jpeg()
        .toBuffer()
      writeFileSync(path.join(dir, '2024', '05', name), image)
    }
    const report = await importGhost(payload, readFileSync(FIXTURE, 'utf8'), {
      media: { source: mediaFromFolder(dir) },
    })
    expect(report.created.media).toBe(2)
    const ferry = await imported(1)
    const hero = ferry.heroImage as Media
    expect(hero.alt).toBe('The night ferry at the quay')
    expect(hero.caption).toBe('The 23:40 sailing, May 2024.')
    const upload = nodesOf(ferry).find((node) => node.type === 'upload') as Node & {
      value: unknown
    }
    const id = typeof upload.value === 'object' ? (upload.value as Media).id : upload.value
    const quay = await payload.findByID({ collection: 'media', id: id as number })
    expect(quay.alt).toBe('The quay at night')
    expect(quay.caption).toBe('The quay at night.')
  })
})
