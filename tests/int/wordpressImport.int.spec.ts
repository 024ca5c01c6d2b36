import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'

import { NextRequest } from 'next/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importWordPress, type WordPressReport, WxrUnreadable } from '@/import/wordpress'
import { absoluteUrl } from '@/lib/urls'
import type { Article, Comment, ComparisonTable } from '@/payload-types'
import { createRedirectResolver } from '@/redirects/resolve'

import { proxy } from '../../proxy'
import { createUser } from '../support/factories'
import { testPayload } from '../support/payload'
import { runScript } from '../support/run'

const FIXTURE = 'tests/fixtures/wordpress/export.xml'
const SITE = 'https://old-gazette.example'
const resolver = createRedirectResolver({ connectionString: process.env.DATABASE_URL!, ttlMs: 0 })
afterAll(() => resolver.close())

let payload: Payload
let first: WordPressReport

const run = () => importWordPress(payload, createReadStream(FIXTURE, { highWaterMark: 1024 }))

async function imported(source: string): Promise<Article> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { 'importedFrom.source': { equals: `wordpress:${SITE}/${source}` } },
    draft: true,
    depth: 1,
    limit: 2,
  })
  expect(docs).toHaveLength(1)
  return docs[0] as Article
}

const json = (value: unknown) => JSON.stringify(value)
const texts = (article: Article) =>
  json(article.body)
    .match(/"text":"((?:[^"\\]|\\.)*)"/g)!
    .map((m) => JSON.parse(m.slice(7)) as string)

/** Everything the import wrote, to compare one run with the next. */
async function snapshot() {
  const { docs: articles } = await payload.find({
    collection: 'articles',
    where: { 'importedFrom.source': { like: `wordpress:${SITE}` } },
    draft: true,
    depth: 0,
    limit: 100,
    sort: 'id',
  })
  const ids = articles.map((a) => a.id)
  const [comments, redirects, tables, jobs, versions] = await Promise.all([
    payload.find({
      collection: 'comments',
      where: { article: { in: ids } },
      limit: 100,
      sort: 'id',
    }),
    payload.find({
      collection: 'redirects',
      where: {
        or: [
          { 'to.reference.value': { in: ids } },
          { from: { like: '/category/valley-news' } },
          { from: { like: '/tag/' } },
        ],
      },
      limit: 500,
      sort: 'id',
      depth: 0,
    }),
    payload.find({
      collection: 'comparison-tables',
      where: { id: { in: articles.flatMap((a) => a.embeddedTables ?? []) } },
      limit: 500,
      sort: 'id',
      depth: 0,
    }),
    payload.find({
      collection: 'payload-jobs',
      where: { 'input.doc.value': { in: ids } },
      limit: 100,
    }),
    payload.countVersions({ collection: 'articles', where: { parent: { in: ids } } }),
  ])
  return {
    articles: articles.map((a) => [a.id, a.updatedAt, a._status]),
    comments: comments.docs.map((c) => [c.id, c.status, c.updatedAt]),
    redirects: redirects.docs.map((r) => [r.id, r.from, r.updatedAt]),
    tables: tables.docs.map((t) => t.id),
    jobs: jobs.docs.map((j) => j.id),
    versions: versions.totalDocs,
  }
}

beforeAll(async () => {
  payload = await testPayload()
  first = await run()
}, 300_000)

describe('importing a WordPress export (WXR)', () => {
  it('reports what it did: imported, skipped with reasons, approximations by kind', () => {
    expect(first).toMatchObject({ done: 9, imported: 7, updated: 0, unchanged: 0, skipped: 2 })
    expect(first.attachments).toBe(1)
    expect(first.skippedItems.map((s) => s.reason)).toEqual([
      expect.stringMatching(/attachment: images come in with --media-from <dir> or --fetch-media/),
      expect.stringMatching(/"nav_menu_item" item: only posts and pages/),
    ])
    expect(first.approximations).toMatchObject({
      embed: 2,
      gallery: 1,
      shortcode: 2,
      'unknown block': 2,
      'unsafe link': 1,
    })
    expect(first.approximations.image).toBeGreaterThanOrEqual(3)
    // Code, pull quotes, separators and inline marks have a place in the body now.
    expect(first.approximations).not.toHaveProperty('code')
    expect(first.approximations).not.toHaveProperty('pull quote')
  })

  it('keeps each status: published with its date, drafts, scheduled through the jobs queue, private and protected as drafts', async () => {
    const bridge = await imported('?p=101')
    expect(bridge._status).toBe('published')
    expect(bridge.publishedAt).toBe('2024-05-01T09:30:00.000Z')
    expect((await imported('?p=103'))._status).toBe('draft')

    const scheduled = await imported('?p=104')
    expect(scheduled._status).toBe('draft')
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'schedulePublish' } },
          { 'input.doc.value': { equals: scheduled.id } },
        ],
      },
    })
    expect(jobs.docs.map((job) => new Date(String(job.waitUntil)).toISOString())).toEqual([
      '2099-03-01T08:00:00.000Z',
    ])

    for (const [source, why] of [
      ['?p=105', /private in WordPress/],
      ['?p=106', /password-protected/],
    ] as const) {
      const article = await imported(source)
      expect(article._status).toBe('draft')
      expect(
        first.notes.some((line) => line.includes(`post ${source.slice(3)} `) && why.test(line)),
      ).toBe(true)
      // Never public: a reader's query does not find it.
      const public_ = await payload.find({
        collection: 'articles',
        where: { id: { equals: article.id } },
        overrideAccess: false,
      })
      expect(public_.docs).toHaveLength(0)
    }
  })

  it('files categories as nested desks, pages in the pages desk, tags as topics and authors as bylines', async () => {
    const bridge = await imported('?p=101')
    const desk = bridge.section as { slug: string; name: string; parent: { slug: string } | number }
    expect(desk.slug).toBe('council')
    expect(desk.name).toBe('Council & Planning')
    const parent = await payload.findByID({
      collection: 'sections',
      id: desk.parent as number,
      depth: 0,
    })
    expect(parent.slug).toBe('valley-news')
    expect((bridge.tags as { slug: string }[]).map((t) => t.slug).sort()).toEqual([
      'bridges',
      'flooding',
    ])
    expect((bridge.authors as { name: string }[]).map((a) => a.name)).toEqual(['Mary Jones'])

    const floods = await imported('?p=102')
    expect(floods.headline).toBe('Floods close the valley road – again')
    expect((floods.authors as { name: string }[]).map((a) => a.name)).toEqual(['Peter Okafor'])
    expect(floods.commentsEnabled).toBe(false)

    const about = await imported('?page_id=2')
    expect((about.section as { slug: string }).slug).toBe('pages')
  })

  it('turns the blocks into sections, subheadings, nested lists, a comparison table, quotes and safe links', async () => {
    const bridge = await imported('?p=101')
    expect(bridge.dek).toBe(
      'A seven-to-two vote for the crossing the valley has waited decades for.',
    )
    expect(bridge.body.map((s) => s.heading)).toEqual([
      'Council approves the new river bridge',
      'What the bridge costs',
    ])
    // The stored JSON keeps its own key order: compare the text runs as objects.
    const runs = (
      bridge.body[0]!.content as unknown as { root: { children: { children: unknown[] }[] } }
    ).root.children[0]!.children
    expect(runs).toContainEqual(expect.objectContaining({ text: 'seven to two', format: 1 }))
    expect(runs).toContainEqual(expect.objectContaining({ text: 'new bridge', format: 2 }))
    expect(runs).toContainEqual(
      expect.objectContaining({
        type: 'link',
        fields: expect.objectContaining({ url: 'https://council.example/minutes' }),
      }),
    )

    const costs = bridge.body[1]!.content as { root: { children: Record<string, unknown>[] } }
    const nodes = costs.root.children
    expect(nodes.map((n) => n.type)).toEqual(
      expect.arrayContaining(['paragraph', 'heading', 'list', 'block', 'quote']),
    )
    expect(nodes.find((n) => n.type === 'heading')).toMatchObject({ tag: 'h3' })
    type Node = { type: string; text?: string; children?: Node[] }
    const list = nodes.find((n) => n.type === 'list') as Node
    const textOf = (node: Node): string =>
      node.text ?? (node.children ?? []).map((child) => textOf(child)).join('')
    // The nested list is a list item of the outer list, after the item it belongs to.
    expect(
      list.children!.map((item) =>
        item.children?.[0]?.type === 'list'
          ? { nested: item.children[0].children!.map(textOf) }
          : textOf(item),
      ),
    ).toEqual(['The county, most of it', { nested: ['from its roads fund'] }, 'The town, the rest'])

    const tableBlock = nodes.find((n) => n.type === 'block') as {
      fields: { table: number | { id: number } }
    }
    const tableRef = tableBlock.fields.table
    const table = (await payload.findByID({
      collection: 'comparison-tables',
      id: typeof tableRef === 'object' ? tableRef.id : tableRef,
    })) as ComparisonTable
    expect(table.title).toBe('Bridge budget by year')
    expect(table.columns.map((c) => c.label)).toEqual(['Year', 'Cost'])
    expect(table.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ['2025', '£1.2m'],
      ['2026', ''],
    ])
    expect(first.notes).toContainEqual(
      expect.stringMatching(/Row 2 of a table has 1 cell for 2 columns/),
    )

    const words = texts(bridge).join('\n')
    expect(words).toContain('It is the most important decision this council has made.')
    expect(words).toContain('Should the bridge have a cycle lane?')
  })

  it('carries code blocks (language and every space kept), pull quotes, separators and inline marks', async () => {
    const bridge = await imported('?p=101')
    type Node = {
      type: string
      text?: string
      format?: number
      fields?: Record<string, unknown>
      children?: Node[]
    }
    const nodes = bridge.body.flatMap(
      (section) => (section.content as unknown as { root: { children: Node[] } }).root.children,
    )
    const blocks = nodes.filter((n) => n.type === 'block').map((n) => n.fields!)
    expect(blocks).toContainEqual(
      expect.objectContaining({
        blockType: 'code',
        language: 'plaintext',
        code: 'total = 1.2 + 0.8\nprint(total)',
      }),
    )
    expect(blocks).toContainEqual(
      expect.objectContaining({
        blockType: 'code',
        language: 'javascript',
        code: "const lanes = ['cycle', 'foot'];\nif (lanes.length < 3) {\n  console.log(lanes.join(' & '));\n}",
      }),
    )
    expect(blocks).toContainEqual(
      expect.objectContaining({
        blockType: 'pullQuote',
        quote: 'Seven to two.',
        attribution: "The council's vote",
      }),
    )
    expect(nodes.filter((n) => n.type === 'horizontalrule')).toHaveLength(1)
    // An embed is an embed block; without --fetch-media it has no card yet (a plain link).
    const embed = blocks.find((fields) => fields.blockType === 'embed')
    expect(embed).toMatchObject({ url: 'https://www.youtube.com/watch?v=abc123' })
    expect(embed).not.toHaveProperty('card.status')
    // Lexical's format bits: strikethrough 4, code 16, subscript 32, superscript 64.
    const runs = nodes.flatMap((n) => n.children ?? [])
    const marked = (text: string) => runs.find((run) => run.text === text)?.format
    expect(marked('2')).toBe(32)
    expect(marked('3')).toBe(64)
    expect(marked('Ctrl')).toBe(16)
    expect(marked('span_m')).toBe(16)
    expect(marked('one')).toBe(4)
    // No code line is left behind as a paragraph of its own.
    expect(texts(bridge)).not.toContain('print(total)')
  })

  it('leaves hostile content inert: scripts, styles, SVG and handlers dropped, javascript: links as text, shortcodes as text', async () => {
    const floods = await imported('?p=102')
    const stored = json(floods.body)
    for (const hostile of [
      '<script',
      'alert',
      'javascript:',
      'onclick',
      'onerror',
      'onload',
      'steal()',
      '<svg',
      'display: none',
    ]) {
      expect(stored).not.toContain(hostile)
    }
    const words = texts(floods).join('\n')
    expect(words).toContain('hill route')
    expect(words).toContain('the council')
    expect(words).toContain('[gallery ids="1,2,3"]')
    expect(words).toContain('A flooded field')
    // "hill route" is plain text a reader cannot click: no link of the article goes anywhere.
    expect(json(floods.body)).not.toMatch(/"type":"(auto)?link"/)
    const lines = first.notes.filter((line) => line.startsWith('post 102 '))
    for (const said of [
      /javascript:alert\(document.cookie\).*removed/,
      /event handler onclick/,
      /<script> element/,
      /<style> element/,
      /<svg>/,
      /shortcode \[gallery\]/,
    ]) {
      expect(lines.some((line) => said.test(line))).toBe(true)
    }
    // The same lines sit beside the article (Imported from), without the post's name.
    const beside = floods.importedFrom?.notes?.split('\n') ?? []
    expect(beside).toHaveLength(lines.length)
    expect(beside.some((line) => /^The shortcode \[gallery\]/.test(line))).toBe(true)
    expect(floods.importedFrom?.notesChecked).toBe(false)
  })

  it('brings comments with their status, one level of threads, dates and names; emails stay private', async () => {
    const bridge = await imported('?p=101')
    const { docs } = await payload.find({
      collection: 'comments',
      where: { article: { equals: bridge.id } },
      sort: 'createdAt',
      depth: 0,
    })
    const comments = docs as Comment[]
    expect(comments.map((c) => [c.authorName, c.status, c.createdAt])).toEqual([
      ['Ann Reader', 'approved', '2024-05-01T11:00:00.000Z'],
      ['Bea Second', 'approved', '2024-05-01T12:30:00.000Z'],
      ['Carl Third', 'pending', '2024-05-01T13:00:00.000Z'],
      ['Cheap Pills', 'spam', '2024-05-02T01:00:00.000Z'],
    ])
    const [ann, bea, carl] = comments
    expect(ann!.body).toBe('About time! Finally.')
    expect(bea!.parent).toBe(ann!.id)
    // A reply to a reply answers the thread's first comment.
    expect(carl!.parent).toBe(ann!.id)
    expect(carl!.heldReasons).toEqual(['Awaiting moderation in WordPress'])

    const asReader = await payload.find({
      collection: 'comments',
      where: { article: { equals: bridge.id } },
      overrideAccess: false,
      depth: 0,
    })
    expect(asReader.docs.map((c) => c.authorName).sort()).toEqual(['Ann Reader', 'Bea Second'])
    expect(asReader.docs.every((c) => !('email' in c))).toBe(true)
  })

  it('answers the old permalinks with a 301 to the new addresses', async () => {
    const cases: [string, string][] = [
      ['/2024/05/01/river-bridge-approved/', '/council/river-bridge-approved'],
      ['/2024/06/10/floods-close-road', '/valley-news/floods-close-road'],
      ['/about/', '/pages/about'],
      ['/category/valley-news/council/', '/council'],
      ['/category/valley-news', '/valley-news'],
      ['/tag/flooding/', '/tags/flooding'],
    ]
    for (const [from, to] of cases) {
      expect(await resolver.resolve(from), from).toEqual({ location: to, status: 301 })
    }
    for (const [query, to] of [
      ['/?p=101', '/council/river-bridge-approved'],
      ['/?page_id=2', '/pages/about'],
    ]) {
      const response = await proxy(new NextRequest(`http://localhost:3000${query}`))
      expect(response.status, query).toBe(301)
      expect(response.headers.get('location')).toBe(absoluteUrl(to))
    }
    // The home page with any other query is still the home page.
    expect((await proxy(new NextRequest('http://localhost:3000/?p=999999'))).status).toBe(200)
    // A draft has no redirect: readers would land on a missing page.
    expect(await resolver.resolve('/2024/07/01/staff-rota')).toBeNull()
  })

  it('a second run updates nothing and creates no duplicates', async () => {
    const before = await snapshot()
    const second = await run()
    expect(second).toMatchObject({ done: 9, imported: 0, updated: 0, unchanged: 7, skipped: 2 })
    expect(second.created).toEqual({
      desks: 0,
      topics: 0,
      bylines: 0,
      comments: 0,
      redirects: 0,
      media: 0,
      accounts: 0,
    })
    expect(await snapshot()).toEqual(before)
  }, 120_000)

  it('a changed post is updated in place, keeping its id, comments and redirects', async () => {
    const bridge = await imported('?p=101')
    const xml = (await import('node:fs')).readFileSync(FIXTURE, 'utf8')
    const changed = xml.replace(
      'The budget is spread over three years.',
      'The budget is spread over four years.',
    )
    const report = await importWordPress(payload, Readable.from([changed]))
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 6 })
    const after = await imported('?p=101')
    expect(after.id).toBe(bridge.id)
    expect(texts(after)).toContain('The budget is spread over four years.')
    const comments = await payload.count({
      collection: 'comments',
      where: { article: { equals: bridge.id } },
    })
    expect(comments.totalDocs).toBe(4)
    // Its old table was replaced, not left behind.
    const tables = await payload.count({
      collection: 'comparison-tables',
      where: { title: { equals: 'Bridge budget by year' } },
    })
    expect(tables.totalDocs).toBe(1)
    // Back as the fixture has it, for any test after this one.
    await run()
  }, 120_000)

  it('a post taken down in WordPress since the last run is taken down here, and its comments follow their moderation', async () => {
    const bridge = await imported('?p=101')
    const xml = (await import('node:fs')).readFileSync(FIXTURE, 'utf8')
    const start = xml.indexOf('<wp:post_id>101</wp:post_id>')
    const end = xml.indexOf('</item>', start)
    const item = xml
      .slice(start, end)
      .replace(
        '<wp:status><![CDATA[publish]]></wp:status>',
        '<wp:status><![CDATA[private]]></wp:status>',
      )
      .replace(
        '<wp:comment_content><![CDATA[Agreed, Ann.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>',
        '<wp:comment_content><![CDATA[Agreed, Ann.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>',
      )
    expect(item).toContain('<![CDATA[private]]>')
    expect(item).toContain(
      'Agreed, Ann.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[spam]]>',
    )
    const report = await importWordPress(
      payload,
      Readable.from([xml.slice(0, start) + item + xml.slice(end)]),
    )
    expect(report).toMatchObject({ imported: 0, updated: 1 })
    expect(report.notes.join('\n')).toMatch(/no longer is in WordPress: unpublished/)
    // Readers no longer get the article, nor any of its comments, by any route.
    const live = await payload.find({
      collection: 'articles',
      where: { id: { equals: bridge.id } },
      overrideAccess: false,
    })
    expect(live.docs).toEqual([])
    const readable = await payload.find({
      collection: 'comments',
      where: { article: { equals: bridge.id } },
      overrideAccess: false,
    })
    expect(readable.docs).toEqual([])
    const marked = await payload.find({
      collection: 'comments',
      where: { and: [{ article: { equals: bridge.id } }, { body: { contains: 'Agreed, Ann.' } }] },
    })
    expect(marked.docs.map((doc) => doc.status)).toEqual(['spam'])
    // Back as the fixture has it (published again, the comment approved), for any test after this.
    await run()
    expect((await imported('?p=101'))._status).toBe('published')
  }, 120_000)

  it('with --author-accounts gives each author with an email a login under their byline (role author, no password anyone knows); an account that exists keeps its role', async () => {
    const editor = await createUser(payload, 'editor')
    const site = 'https://accounts-gazette.example'
    const author = (login: string, email: string, name: string) =>
      `<wp:author><wp:author_login>${login}</wp:author_login><wp:author_email>${email}</wp:author_email><wp:author_display_name>${name}</wp:author_display_name></wp:author>`
    const item = (n: number, login: string) =>
      `<item><title>Accounts story ${n}</title><guid isPermaLink="false">${site}/?p=${n}</guid><dc:creator>${login}</dc:creator>
<content:encoded><![CDATA[<p>Story ${n}.</p>]]></content:encoded><wp:post_id>${n}</wp:post_id><wp:post_name>accounts-story-${n}</wp:post_name>
<wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>`
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Accounts</title><link>${site}</link><wp:base_site_url>${site}</wp:base_site_url>
${author('kadeyemi', 'Kim.Adeyemi@accounts-gazette.example', 'Kim Adeyemi')}
${author('eddesk', editor.email, 'Ed Desk')}
${author('nomail', '', 'No Mail')}
${author('accounts-house', 'desk@accounts-gazette.example', 'The Desk')}
${author('baddomain', 'someone@under_score.example', 'Bad Domain')}
${item(1, 'kadeyemi')}${item(2, 'eddesk')}${item(3, 'nomail')}${item(4, 'accounts-house')}${item(5, 'baddomain')}
</channel></rss>`
    // A byline already here under an author's login may be someone else's: never linked.
    const house = await payload.create({
      collection: 'authors',
      data: { name: 'Accounts House', slug: 'accounts-house', kind: 'person' },
    })
    const report = await importWordPress(payload, Readable.from([xml]), { authorAccounts: true })
    expect(report.imported).toBe(5)
    expect(report.created.accounts).toBe(2)
    expect(
      (await payload.findByID({ collection: 'authors', id: house.id })).user ?? null,
    ).toBeNull()
    expect(report.notes.join('\n')).toMatch(
      /Author "The Desk": the byline "Accounts House" was here already; link it to the account desk@accounts-gazette\.example/,
    )
    // An email the accounts refuse costs the author an account, not their posts.
    expect(report.notes.join('\n')).toMatch(/Author "Bad Domain": no login account \(/)
    const { docs: made } = await payload.find({
      collection: 'users',
      where: { email: { equals: 'kim.adeyemi@accounts-gazette.example' } },
    })
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ name: 'Kim Adeyemi', role: 'author' })
    const bylineOf = async (slug: string) =>
      (await payload.find({ collection: 'authors', where: { slug: { equals: slug } }, depth: 0 }))
        .docs[0]
    expect((await bylineOf('kadeyemi'))?.user).toBe(made[0]!.id)
    // The editor's own account writes under the byline it was given, and stays an editor.
    expect((await bylineOf('eddesk'))?.user).toBe(editor.id)
    expect((await payload.findByID({ collection: 'users', id: editor.id })).role).toBe('editor')
    expect((await bylineOf('nomail'))?.user ?? null).toBeNull()
    // Nobody knows the new account's password: it is set with "Forgot password?".
    await expect(
      payload.login({
        collection: 'users',
        data: { email: 'kim.adeyemi@accounts-gazette.example', password: '' },
      }),
    ).rejects.toThrow()

    const again = await importWordPress(payload, Readable.from([xml]), { authorAccounts: true })
    expect(again).toMatchObject({ unchanged: 5 })
    expect(again.created.accounts).toBe(0)
  })

  it('saving posts a few at a time makes each new desk, topic and byline once, and posts sharing a slug one after the other', async () => {
    const site = 'https://same-slug-gazette.example'
    const item = (n: number) =>
      `<item><title>Harbour notes ${n}</title><guid isPermaLink="false">${site}/?p=${n}</guid><dc:creator>shared-writer</dc:creator>
<content:encoded><![CDATA[<p>Notes ${n}.</p>]]></content:encoded><wp:post_id>${n}</wp:post_id><wp:post_name>same-slug-notes</wp:post_name>
<wp:status>draft</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="same-slug-desk"><![CDATA[Same Slug Desk]]></category>
<category domain="post_tag" nicename="same-slug-topic"><![CDATA[Same slug topic]]></category></item>`
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Same slug</title><link>${site}</link><wp:base_site_url>${site}</wp:base_site_url>
${[1, 2, 3, 4, 5, 6].map(item).join('\n')}
</channel></rss>`
    const report = await importWordPress(payload, Readable.from([xml]), { concurrency: 4 })
    expect(report).toMatchObject({ imported: 6, skipped: 0 })
    expect(report.created).toMatchObject({ desks: 1, topics: 1, bylines: 1 })
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { like: 'same-slug-notes' } },
      draft: true,
      limit: 10,
    })
    expect(docs.map((doc) => doc.slug).sort()).toEqual(
      ['same-slug-notes', ...[2, 3, 4, 5, 6].map((n) => `same-slug-notes-${n}`)].sort(),
    )
    expect(
      new Set(docs.map((doc) => JSON.stringify([doc.section, doc.authors, doc.tags]))),
    ).toHaveProperty('size', 1)
  })

  it('refuses a file that is not a WordPress export, with a sentence, before importing anything', async () => {
    await expect(
      importWordPress(payload, Readable.from(['<html><body>hi</body></html>'])),
    ).rejects.toThrow(/not a WordPress export/)
    await expect(
      importWordPress(payload, Readable.from(['<rss><channel><item><title>x</item>'])),
    ).rejects.toThrow(WxrUnreadable)
  })

  it('runs from the command line with a progress line and a report', () => {
    const result = runScript('src/scripts/importWordPress.ts', [FIXTURE])
    expect(result.stderr).toContain('9/9 items')
    expect(result.stderr).toMatch(/\/s · ETA/)
    expect(result.stdout).toMatch(/Done in .*: 0 imported, 0 updated, 7 unchanged, 2 skipped\./)
    expect(result.stdout).toContain('Media: 1 attachments not imported (--media-from')
    expect(result.status).toBe(0)

    const refused = runScript('src/scripts/importWordPress.ts', ['package.json'])
    expect(refused.stderr).toMatch(/was not imported: .*not well-formed XML|not a WordPress export/)
    expect(refused.status).toBe(1)
  }, 300_000)
})
