import type { Payload, RequestContext } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { filePaths } from '@/collections/Media/hooks/revalidateMedia'
import { pathKey, purgeKeys, surrogateKeys } from '@/edge/keys'
import { urls } from '@/lib/urls'
import type { Article } from '@/payload-types'
import { refreshMostRead } from '@/mostRead/refresh'
import { recordView } from '@/mostRead/store'
import type { Invalidation } from '@/revalidation/invalidate'
import { plainTextToLexical, toLexical } from '@/seed/lexical'

import {
  articleData,
  createComment,
  createDesk,
  createTopic,
  seededIds,
  tableData,
  unique,
} from '../support/factories'
import { testPayload } from '../support/payload'

/*
 * The proxy stores each page under the keys it answers with (proxy.ts,
 * surrogateKeys) and a change purges the keys of what it invalidates
 * (purgeKeys over what its hooks pass to invalidate()). For every collection
 * whose change reaches readers, a real change on the real database must purge
 * a key of every page that shows the changed thing — and, where it is
 * certain, of no page that doesn't.
 */

let payload: Payload
let ids: Awaited<ReturnType<typeof seededIds>>

beforeAll(async () => {
  payload = await testPayload()
  ids = await seededIds(payload)
})

/** The keys purged by whatever `change` does with this request context. */
async function purgedBy(
  change: (context: RequestContext) => Promise<unknown>,
): Promise<Set<string>> {
  const invalidations: Invalidation[] = []
  await change({ invalidations })
  return new Set(
    invalidations.flatMap((invalidation) => {
      const { soft, hard } = purgeKeys(invalidation)
      return [...soft, ...hard]
    }),
  )
}

function reached(purged: Set<string>, page: string): boolean {
  const keys = surrogateKeys(page)
  if (!keys) throw new Error(`${page} is not stored by the proxy`)
  return keys.some((key) => purged.has(key))
}

function expectReaches(purged: Set<string>, pages: string[]): void {
  for (const page of pages) expect(reached(purged, page), `purges ${page}`).toBe(true)
}

function expectSpares(purged: Set<string>, pages: string[]): void {
  for (const page of pages) expect(reached(purged, page), `spares ${page}`).toBe(false)
}

async function located(article: Article) {
  const desk = await payload.findByID({ collection: 'sections', id: ids.deskId })
  return { path: urls.article({ slug: article.slug, section: desk })!, desk: urls.desk(desk)! }
}

/** A new image of its own (a coloured rectangle), with every size made from it. */
async function uploadImage(background: string) {
  const png = await sharp({ create: { width: 480, height: 270, channels: 3, background } })
    .png()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt: unique('Square') },
    file: { data: png, mimetype: 'image/png', name: `${unique('square')}.png`, size: png.length },
  })
}

async function publish(overrides: Parameters<typeof articleData>[1] = {}, context = {}) {
  return payload.create({ collection: 'articles', data: articleData(ids, overrides), context })
}

describe('surrogate keys: what a change purges reaches every page that shows it', () => {
  it('articles: a first publication and a headline change reach the article, its desk, home, topic and byline pages, feeds and sitemaps', async () => {
    const topic = await createTopic(payload)
    let article!: Article
    const first = await purgedBy(async (context) => {
      article = await publish({ tags: [topic.id] }, context)
    })
    const { path, desk } = await located(article)
    const author = await payload.findByID({ collection: 'authors', id: ids.authorId })
    const pages = [
      path,
      desk,
      urls.home(),
      urls.tag(topic)!,
      urls.author(author)!,
      urls.feed('rss'),
      urls.feed('atom', { slug: desk.slice(1) }),
      urls.newsSitemap(),
      '/sitemaps/articles/sitemap/0.xml',
      urls.ogImage({ slug: article.slug, section: { slug: desk.slice(1) } }),
    ]
    expectReaches(first, pages)

    const edit = await purgedBy((context) =>
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { headline: `Changed ${unique('h')}` },
        context,
      }),
    )
    expectReaches(edit, pages)
  })

  it('articles: unpublishing or deleting removes the page outright; lists are refreshed', async () => {
    const invalidations: Invalidation[] = []
    const article = await publish()
    const { path, desk } = await located(article)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft' },
      context: { invalidations },
    })
    const { soft, hard } = purgeKeys(invalidations[0]!)
    expect(hard).toEqual(expect.arrayContaining([`article-page:${path}`, pathKey(path)]))
    expect(soft).toEqual(expect.arrayContaining([pathKey(desk), pathKey(urls.home())]))

    const other = await publish()
    const otherPath = (await located(other)).path
    const deleted: Invalidation[] = []
    await payload.delete({
      collection: 'articles',
      id: other.id,
      context: { invalidations: deleted },
    })
    expect(purgeKeys(deleted[0]!).hard).toEqual(
      expect.arrayContaining([`article-page:${otherPath}`, pathKey(otherPath)]),
    )
  })

  it('topics and bylines: a deleted one’s page is removed, and the articles naming it refreshed', async () => {
    const topic = await createTopic(payload)
    const author = await payload.create({
      collection: 'authors',
      data: { name: unique('Gone'), kind: 'person' },
    })
    for (const [collection, id, page, tag] of [
      ['tags', topic.id, urls.tag(topic)!, 'topics'],
      ['authors', author.id, urls.author(author)!, 'bylines'],
    ] as const) {
      const invalidations: Invalidation[] = []
      await payload.delete({ collection, id, context: { invalidations } })
      const { soft, hard } = purgeKeys(invalidations[0]!)
      expect(hard).toContain(pathKey(page))
      expect(soft).toContain(tag)
    }
  })

  it('breaking: marking a story breaking, and clearing it, reach every reader page (the banner) but not feeds', async () => {
    const everyPage = [
      urls.home(),
      '/world',
      '/world/any-story',
      '/tags/anything',
      '/authors/someone',
      '/no/such/page',
    ]
    const notHtml = [urls.feed('rss'), urls.newsSitemap(), '/og/site']
    let article!: Article
    const marked = await purgedBy(async (context) => {
      article = await publish({ breaking: true }, context)
    })
    expectReaches(marked, everyPage)
    const cleared = await purgedBy((context) =>
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { breaking: false },
        context,
      }),
    )
    expectReaches(cleared, everyPage)
    // An ordinary story's headline change leaves the banner alone.
    const plain = await publish()
    const edit = await purgedBy((context) =>
      payload.update({
        collection: 'articles',
        id: plain.id,
        data: { headline: `Changed ${unique('h')}` },
        context,
      }),
    )
    expect(edit.has('breaking')).toBe(false)
    for (const page of notHtml) expect(surrogateKeys(page), page).not.toContain('breaking')
  })

  it('desks: a renamed desk reaches every page (navigation), its own page and its articles', async () => {
    const desk = await createDesk(payload)
    const article = await publish({ section: desk.id })
    const purged = await purgedBy((context) =>
      payload.update({
        collection: 'sections',
        id: desk.id,
        data: { name: unique('Desk') },
        context,
      }),
    )
    expectReaches(purged, [
      urls.home(),
      urls.desk(desk)!,
      urls.article({ slug: article.slug, section: desk })!,
      '/authors/someone',
      '/tags/anything',
    ])
  })

  it('topics: a renamed topic reaches its page and its articles, not desk pages', async () => {
    const topic = await createTopic(payload)
    const article = await publish({ tags: [topic.id] })
    const { path } = await located(article)
    const purged = await purgedBy((context) =>
      payload.update({
        collection: 'tags',
        id: topic.id,
        data: { name: unique('Topic') },
        context,
      }),
    )
    expectReaches(purged, [urls.tag(topic)!, path, urls.feed('rss')])
  })

  it('bylines: a changed bio reaches the byline page and the articles and lists that name it', async () => {
    const author = await payload.create({
      collection: 'authors',
      data: { name: unique('Writer'), kind: 'person' },
    })
    const article = await publish({ authors: [author.id] })
    const { path, desk } = await located(article)
    const purged = await purgedBy((context) =>
      payload.update({
        collection: 'authors',
        id: author.id,
        data: { bio: 'Covers ports.' },
        context,
      }),
    )
    expectReaches(purged, [urls.author(author)!, path, desk, urls.home()])
  })

  it('comparison tables and FAQs: an edit reaches the articles that embed them', async () => {
    const table = await payload.create({ collection: 'comparison-tables', data: tableData() })
    const faq = await payload.create({
      collection: 'faqs',
      data: { question: `${unique('Question')}?`, answer: plainTextToLexical('An answer.') },
    })
    const article = await publish({
      body: [
        {
          heading: 'Compared',
          content: toLexical(
            [
              { type: 'table', table: 't' },
              { type: 'faq', faqs: ['f'] },
            ],
            { tables: new Map([['t', table.id]]), faqs: new Map([['f', faq.id]]) },
          ),
        },
      ],
    })
    const { path } = await located(article)
    const tableEdit = await purgedBy((context) =>
      payload.update({
        collection: 'comparison-tables',
        id: table.id,
        data: { sourceNote: 'Revised figures' },
        context,
      }),
    )
    expectReaches(tableEdit, [path])
    const faqEdit = await purgedBy((context) =>
      payload.update({
        collection: 'faqs',
        id: faq.id,
        data: { question: `${unique('Reworded')}?` },
        context,
      }),
    )
    expectReaches(faqEdit, [path])
  })

  it('media: new alt text reaches the article it leads and the lists that show it', async () => {
    const image = (await payload.find({ collection: 'media', limit: 1 })).docs[0]!
    const article = await publish({ heroImage: image.id })
    const { path, desk } = await located(article)
    const purged = await purgedBy((context) =>
      payload.update({ collection: 'media', id: image.id, data: { alt: unique('Alt') }, context }),
    )
    expectReaches(purged, [path, desk, urls.home()])
    // The proxy keeps the image files themselves under their paths' keys (deploy/varnish).
    expect([...purged]).toEqual(expect.arrayContaining(filePaths(image).map(pathKey)))
  })

  it('media: a deleted image’s files are purged from the proxy', async () => {
    const image = await uploadImage('#336699')
    expect(filePaths(image).length).toBeGreaterThan(1)
    const purged = await purgedBy((context) =>
      payload.delete({ collection: 'media', id: image.id, context }),
    )
    expect([...purged]).toEqual(expect.arrayContaining(filePaths(image).map(pathKey)))
  })

  it('media: an image inside an article’s text (alone or in a gallery), or as its share image, is purged with the page that shows it — changed or deleted', async () => {
    const inText = await uploadImage('#993366')
    const share = await uploadImage('#669933')
    const inGallery = await uploadImage('#336633')
    const text = plainTextToLexical('The square before the vote.') as {
      root: { children: unknown[] }
    }
    text.root.children.push({
      type: 'upload',
      relationTo: 'media',
      value: inText.id,
      fields: null,
      format: '',
      version: 3,
    })
    text.root.children.push({
      type: 'block',
      version: 2,
      format: '',
      fields: {
        id: '6650c0ffee0000000000aa01',
        blockName: '',
        blockType: 'gallery',
        images: [{ id: '6650c0ffee0000000000aa02', image: inGallery.id }],
      },
    })
    const article = await publish({
      body: [{ heading: 'Scene', content: text as never }],
      meta: { image: share.id },
    })
    const { path } = await located(article)
    for (const image of [inText, share, inGallery]) {
      const changed = await purgedBy((context) =>
        payload.update({
          collection: 'media',
          id: image.id,
          data: { alt: unique('Alt') },
          context,
        }),
      )
      expectReaches(changed, [path])
      const deleted = await purgedBy((context) =>
        payload.delete({ collection: 'media', id: image.id, context }),
      )
      expectReaches(deleted, [path])
      expect([...deleted]).toEqual(expect.arrayContaining(filePaths(image).map(pathKey)))
    }
  })

  it('comments: an approval reaches its article and the lists with counts, not other articles', async () => {
    const article = await publish()
    const other = await publish()
    const { path } = await located(article)
    const comment = await createComment(payload, article.id)
    const purged = await purgedBy((context) =>
      payload.update({
        collection: 'comments',
        id: comment.id,
        data: { status: 'approved' },
        context,
      }),
    )
    expectReaches(purged, [path, urls.home()])
    expectSpares(purged, [(await located(other)).path])
    // A pending comment is nobody's page yet.
    const pending = await purgedBy((context) =>
      createComment(payload, article.id, {}).then(() => context),
    )
    expectSpares(pending, [path])
  })

  it('comment settings reach article pages (whether comments are open), not lists', async () => {
    const article = await publish()
    const { path } = await located(article)
    const current = await payload.findGlobal({ slug: 'comment-settings' })
    const purged = await purgedBy((context) =>
      payload.updateGlobal({
        slug: 'comment-settings',
        data: { hourlyLimit: current.hourlyLimit },
        context,
      }),
    )
    expectReaches(purged, [path])
    expectSpares(purged, [urls.home(), urls.feed('rss')])
  })

  it('redirects: a new redirect reaches the page cached at its old address', async () => {
    const from = `/world/${unique('old-story')}`
    const purged = await purgedBy((context) =>
      payload.create({
        collection: 'redirects',
        data: { from, to: { type: 'custom', url: '/world' }, type: '301' },
        context,
      }),
    )
    expectReaches(purged, [from])
    expectSpares(purged, [urls.home()])
  })
})

describe('surrogate keys: the "Most read" rail', () => {
  it('a changed ranking reaches the home page only; an unchanged one purges nothing', async () => {
    const article = await publish()
    const { path, desk } = await located(article)
    await refreshMostRead(payload)
    await recordView(payload, article.id, unique('reader'))
    const purged = await purgedBy((context) => refreshMostRead(payload, context))
    expectReaches(purged, ['/'])
    expectSpares(purged, [desk, path])
    const again = await purgedBy((context) => refreshMostRead(payload, context))
    expect(again.size).toBe(0)
  })
})

describe('surrogate keys a page answers with', () => {
  it('name its path and never carry a separator inside a key', () => {
    expect(surrogateKeys('/world/a,b c')).toContain('path:/world/a%2Cb%20c')
    expect(surrogateKeys('/search')).toBeNull()
  })
})
