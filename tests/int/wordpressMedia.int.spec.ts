import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaFromFolder, mediaFromWeb } from '@/import/media'
import { importWordPress, scanExport, type WordPressReport } from '@/import/wordpress'
import type { Article, Media } from '@/payload-types'

import { testPayload } from '../support/payload'

/**
 * Images come with a WordPress import when the command is given a source:
 * the old site's addresses (`--fetch-media`, here a local server) or a folder
 * of its uploads (`--media-from`). Featured images become heroes, body images
 * Media shown in the text, galleries galleries; an image that cannot be had —
 * missing, not an image by its bytes, an SVG — is reported and its alt text kept.
 */

const photo = (background: string, format: 'jpeg' | 'png' | 'webp') =>
  sharp({ create: { width: 1600, height: 900, channels: 3, background } })
    [format]()
    .toBuffer()

let server: Server
let origin: string
/** Every address the fixture server was asked for. */
const hits: string[] = []
const served = new Map<string, { type: string; body: Buffer }>()
let payload: Payload
let first: WordPressReport

function exportOf(site: string, tag: string, body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Harbour Times</title><link>${site}</link><wp:base_site_url>${site}</wp:base_site_url>
<wp:category><wp:category_nicename>quay-${tag}</wp:category_nicename><wp:cat_name>Quay ${tag}</wp:cat_name></wp:category>
<item><title>Cranes return to the quay (${tag})</title><link>${site}/2024/05/02/cranes-${tag}/</link>
<guid isPermaLink="false">${site}/?p=500</guid><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[The cranes are back.]]></excerpt:encoded>
<wp:post_id>500</wp:post_id><wp:post_date_gmt>2024-05-02 08:00:00</wp:post_date_gmt><wp:post_name>cranes-${tag}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="quay-${tag}"><![CDATA[Quay ${tag}]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>501</wp:meta_value></wp:postmeta></item>
<item><title>harbour</title><wp:post_id>501</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<guid isPermaLink="false">${site}/?attachment_id=501</guid>
<excerpt:encoded><![CDATA[Dawn over the harbour.]]></excerpt:encoded>
<wp:attachment_url>${site}/wp-content/uploads/2024/05/harbour.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>The harbour at dawn</wp:meta_value></wp:postmeta></item>
${extra}</channel></rss>
`
}

const BODY = `<!-- wp:paragraph --><p>The cranes are back on the quay.</p><!-- /wp:paragraph -->
<!-- wp:image --><figure class="wp-block-image"><img src="/wp-content/uploads/2024/05/pier.png" alt="The pier at low tide"/><figcaption class="wp-element-caption">The pier, May 2024.</figcaption></figure><!-- /wp:image -->
<!-- wp:gallery --><figure class="wp-block-gallery has-nested-images">
<figure class="wp-block-image"><img src="/wp-content/uploads/2024/05/harbour.jpg" alt="The harbour at dawn"/><figcaption>First light.</figcaption></figure>
<figure class="wp-block-image"><img src="/wp-content/uploads/2024/05/crane.webp" alt="A crane on the quay"/></figure>
<figcaption>The quay in a morning.</figcaption></figure><!-- /wp:gallery -->
<!-- wp:paragraph --><p>Missing: <img src="/wp-content/uploads/2024/05/missing.jpg" alt="A lost photo"> and <img src="/wp-content/uploads/2024/05/fake.jpg" alt="A web page named jpg"> and <img src="/wp-content/uploads/2024/05/drawing.svg" alt="A drawing with a script"> and <img src="/wp-content/uploads/2024/05/unnamed.jpg"></p><!-- /wp:paragraph -->`

const UNUSED = (
  site: string,
) => `<item><title>crane</title><wp:post_id>502</wp:post_id><wp:post_type>attachment</wp:post_type>
<guid isPermaLink="false">${site}/?attachment_id=502</guid><wp:attachment_url>${site}/wp-content/uploads/2024/05/quay-sign.png</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>The quay's old sign</wp:meta_value></wp:postmeta></item>
`

const chunks = (text: string) => Readable.from([Buffer.from(text)])

async function run(text: string, source: ReturnType<typeof mediaFromWeb>) {
  const { attachments } = await scanExport(chunks(text))
  return importWordPress(payload, chunks(text), { media: { source, attachments } })
}

async function article(tag: string): Promise<Article> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: `cranes-${tag}` } },
    draft: true,
    depth: 1,
  })
  expect(docs).toHaveLength(1)
  return docs[0] as Article
}

type Node = { type: string; value?: unknown; text?: string; fields?: Record<string, unknown> }
const nodesOf = (doc: Article) =>
  doc.body.flatMap(
    (section) =>
      (section.content as unknown as { root: { children: (Node & { children?: Node[] })[] } }).root
        .children,
  )
const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { id: number }).id : value

beforeAll(async () => {
  served.set('/wp-content/uploads/2024/05/harbour.jpg', {
    type: 'image/jpeg',
    body: await photo('#204060', 'jpeg'),
  })
  served.set('/wp-content/uploads/2024/05/pier.png', {
    type: 'image/png',
    body: await photo('#607080', 'png'),
  })
  served.set('/wp-content/uploads/2024/05/crane.webp', {
    type: 'image/webp',
    body: await photo('#a08040', 'webp'),
  })
  served.set('/wp-content/uploads/2024/05/quay-sign.png', {
    type: 'image/png',
    body: await photo('#808000', 'png'),
  })
  served.set('/wp-content/uploads/2024/05/fake.jpg', {
    type: 'image/jpeg',
    body: Buffer.from('<!doctype html><html><body>Not found</body></html>'),
  })
  served.set('/wp-content/uploads/2024/05/drawing.svg', {
    type: 'image/svg+xml',
    body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  })
  server = createServer((request, response) => {
    hits.push(request.url ?? '')
    if (request.url === '/video/42') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><title>Cranes</title><link rel="alternate" type="application/json+oembed" href="/oembed/42">`,
        )
      return
    }
    if (request.url === '/oembed/42') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          type: 'video',
          title: 'Cranes at first light',
          author_name: 'Harbour Video',
          provider_name: 'Quayside Video',
          thumbnail_url: `${origin}/wp-content/uploads/2024/05/crane.webp`,
          width: 640,
          height: 360,
          html: `<iframe src="https://player.quayside-video.invalid/embed/42"></iframe>`,
        }),
      )
      return
    }
    if (request.url?.startsWith('/moved/')) {
      response.writeHead(301, { location: request.url.slice('/moved'.length) }).end()
      return
    }
    const file = served.get(request.url ?? '')
    if (!file) {
      response.writeHead(404).end('missing')
      return
    }
    response.writeHead(200, { 'content-type': file.type }).end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  payload = await testPayload()
  first = await run(
    exportOf(origin, 'web', BODY, UNUSED(origin)),
    mediaFromWeb({ allowPrivate: true }),
  )
}, 300_000)

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('fetching images from the web (--fetch-media)', () => {
  const image = '/wp-content/uploads/2024/05/harbour.jpg'

  it('refuses this machine, private networks and cloud metadata addresses unless told otherwise', async () => {
    // An export names the addresses; without this, it could make the import read internal services.
    const web = mediaFromWeb({ timeoutMs: 3000 })
    const port = new URL(origin).port
    for (const address of [
      `${origin}${image}`,
      `http://localhost:${port}${image}`,
      `http://[::1]:${port}${image}`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/secret.png',
    ]) {
      const fetched = await web.get(new URL(address))
      expect(fetched, address).toEqual({
        ok: false,
        reason: expect.stringMatching(/is a private or reserved address, which is not fetched/),
      })
    }
    const allowed = await mediaFromWeb({ allowPrivate: true }).get(new URL(`${origin}${image}`))
    expect(allowed).toMatchObject({ ok: true, mimetype: 'image/jpeg' })
  })

  it('follows redirects, and checks where each one leads', async () => {
    const moved = new URL(`${origin}/moved${image}`)
    expect(await mediaFromWeb({ allowPrivate: true }).get(moved)).toMatchObject({
      ok: true,
      name: 'harbour.jpg',
    })
    expect(await mediaFromWeb().get(moved)).toMatchObject({ ok: false })
  })
})

describe('a WordPress import with its images', () => {
  it('makes Media of every image it can have, once each, with sizes, alt text and caption', async () => {
    expect(first).toMatchObject({ imported: 1, skipped: 0 })
    expect(first.created.media).toBe(4)
    const { docs } = await payload.find({
      collection: 'media',
      where: { importedFrom: { like: origin } },
      sort: 'id',
      limit: 10,
    })
    const byFile = new Map(docs.map((doc) => [path.basename(String(doc.importedFrom)), doc]))
    expect([...byFile.keys()].sort()).toEqual([
      'crane.webp',
      'harbour.jpg',
      'pier.png',
      'quay-sign.png',
    ])
    const harbour = byFile.get('harbour.jpg') as Media
    expect(harbour.alt).toBe('The harbour at dawn')
    expect(harbour.caption).toBe('Dawn over the harbour.')
    expect(harbour.mimeType).toBe('image/webp')
    expect(harbour.sizes?.card?.width).toBe(768)
    expect(byFile.get('pier.png')!.caption).toBe('The pier, May 2024.')
    // The attachment no post shows is in the library too.
    expect(byFile.get('quay-sign.png')!.alt).toBe("The quay's old sign")
  })

  it('puts the featured image as hero, a body image in the text and a gallery as a gallery', async () => {
    const doc = await article('web')
    expect((doc.heroImage as Media).alt).toBe('The harbour at dawn')
    const nodes = nodesOf(doc)
    const uploads = nodes.filter((node) => node.type === 'upload')
    expect(uploads).toHaveLength(1)
    const pier = await payload.findByID({
      collection: 'media',
      id: idOf(uploads[0]!.value) as number,
    })
    expect(pier.alt).toBe('The pier at low tide')
    const gallery = nodes.find((node) => node.type === 'block')!.fields as {
      blockType: string
      caption: string
      images: { image: unknown; caption?: string }[]
    }
    expect(gallery.blockType).toBe('gallery')
    expect(gallery.caption).toBe('The quay in a morning.')
    const shown = await Promise.all(
      gallery.images.map(async (entry) => [
        (await payload.findByID({ collection: 'media', id: idOf(entry.image) as number })).alt,
        entry.caption,
      ]),
    )
    expect(shown).toEqual([
      ['The harbour at dawn', 'First light.'],
      ['A crane on the quay', undefined],
    ])
  })

  it('reports an image it cannot have — missing, not an image by its bytes, an SVG — and keeps its alt text', async () => {
    const doc = await article('web')
    const text = JSON.stringify(doc.body)
    for (const alt of ['A lost photo', 'A web page named jpg', 'A drawing with a script']) {
      expect(text).toContain(`[Image: ${alt}]`)
    }
    expect(text).not.toContain('<script')
    const lines = first.notes.join('\n')
    expect(lines).toMatch(/missing\.jpg could not be had from the web: the server answered 404/)
    expect(lines).toMatch(
      /fake\.jpg could not be had from the web: it is not a JPEG, PNG, WebP, AVIF or GIF image by its bytes/,
    )
    expect(lines).toMatch(/drawing\.svg could not be had from the web: it is not a JPEG/)
    expect(lines).toMatch(/unnamed\.jpg has no alt text or caption: left out/)
    const svg = await payload.count({
      collection: 'media',
      where: { importedFrom: { like: 'drawing.svg' } },
    })
    expect(svg.totalDocs).toBe(0)
  })

  it('a second run brings no image twice', async () => {
    const before = await payload.count({ collection: 'media' })
    const again = await run(
      exportOf(origin, 'web', BODY, UNUSED(origin)),
      mediaFromWeb({ allowPrivate: true }),
    )
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 1 })
    expect(again.created.media).toBe(0)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before.totalDocs)
  })

  it('a later run without a media source leaves the imported images where they are', async () => {
    const text = exportOf(origin, 'web', BODY, UNUSED(origin))
    const plain = await importWordPress(payload, chunks(text))
    expect(plain).toMatchObject({ imported: 0, updated: 0, unchanged: 1 })
    const doc = await article('web')
    expect((doc.heroImage as Media).alt).toBe('The harbour at dawn')
    expect(nodesOf(doc).filter((node) => node.type === 'upload')).toHaveLength(1)
  })

  it('reads the images from a folder of uploads (--media-from), and nothing outside it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'uploads-'))
    mkdirSync(path.join(dir, '2024', '05'), { recursive: true })
    writeFileSync(path.join(dir, '2024', '05', 'harbour.jpg'), await photo('#112233', 'jpeg'))
    symlinkSync('/etc/hostname', path.join(dir, '2024', '05', 'pier.png'))
    const site = 'https://harbour-times.example'
    const report = await run(exportOf(site, 'disk', BODY), mediaFromFolder(dir))
    expect(report.created.media).toBe(1)
    const doc = await article('disk')
    expect((doc.heroImage as Media).importedFrom).toBe(
      `${site}/wp-content/uploads/2024/05/harbour.jpg`,
    )
    const lines = report.notes.join('\n')
    expect(lines).toMatch(/pier\.png could not be had from the folder .*: it is outside/)
    expect(lines).toMatch(
      /crane\.webp could not be had from the folder .*: there is no 2024\/05\/crane\.webp/,
    )

    const escape = await mediaFromFolder(dir).get(
      new URL(`${site}/wp-content/uploads/%2e%2e/%2e%2e/%2e%2e/etc/passwd`),
    )
    expect(escape.ok).toBe(false)
  })
})

describe('embeds in a WordPress import', () => {
  // Its own site address, so its post is not the one above.
  const site = () => `${origin}/embeds`
  const body = (extra = '') =>
    `<!-- wp:paragraph --><p>The cranes, on video.${extra}</p><!-- /wp:paragraph -->
<!-- wp:embed {"url":"${origin}/video/42","type":"video"} --><figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
${origin}/video/42
</div><figcaption class="wp-element-caption">The first crane back.</figcaption></figure><!-- /wp:embed -->
<!-- wp:embed {"url":"${origin}/wp-content/uploads/2024/05/fake.jpg"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
${origin}/wp-content/uploads/2024/05/fake.jpg
</div></figure><!-- /wp:embed -->`
  type Card = { status: string; title?: string; player?: string; thumbnail?: unknown }
  const embeds = async () =>
    nodesOf(await article('embeds'))
      .filter((node) => node.type === 'block' && node.fields?.blockType === 'embed')
      .map((node) => node.fields as { url: string; card?: Card | null })

  it('without --fetch-media keeps each embed by its address, a plain link until an editor saves the article', async () => {
    const report = await importWordPress(payload, chunks(exportOf(site(), 'embeds', body())))
    expect(report.imported).toBe(1)
    expect(hits.filter((hit) => hit.startsWith('/video') || hit.startsWith('/oembed'))).toEqual([])
    const found = await embeds()
    expect(found.map((embed) => [embed.url, embed.card?.status ?? null])).toEqual([
      [`${origin}/video/42`, null],
      [`${origin}/wp-content/uploads/2024/05/fake.jpg`, null],
    ])
    expect(report.notes.join('\n')).toMatch(
      /The embed http:\/\/127\.0\.0\.1:\d+\/video\/42 is a plain link until its card is made: import with --fetch-media, or save the article in the admin/,
    )
    expect(JSON.stringify((await article('embeds')).body)).toContain('The first crane back.')

    // The editor's first save makes the card.
    const doc = await article('embeds')
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { dek: 'The cranes are back, on video.' },
      draft: true,
      overrideAccess: true,
    })
    expect((await embeds())[0]!.card).toMatchObject({
      status: 'card',
      title: 'Cranes at first light',
    })
  })

  it('with --fetch-media makes each card at import: title, provider, player, thumbnail in Media; one that cannot be had is a plain link with its reason', async () => {
    hits.length = 0
    const report = await run(
      exportOf(site(), 'embeds', body(' Now with a second look.')),
      mediaFromWeb({ allowPrivate: true }),
    )
    expect(report.updated).toBe(1)
    const [video, fake] = await embeds()
    expect(video!.card).toMatchObject({
      status: 'card',
      title: 'Cranes at first light',
      player: 'https://player.quayside-video.invalid/embed/42',
    })
    const thumbnail = await payload.findByID({
      collection: 'media',
      id: idOf(video!.card!.thumbnail) as number,
    })
    expect(thumbnail.importedFrom).toBe(`${origin}/wp-content/uploads/2024/05/crane.webp`)
    expect(fake!.card).toMatchObject({ status: 'link' })
    expect(report.notes.join('\n')).toMatch(
      /The embed .*fake\.jpg is a plain link: the address is not a web page/,
    )

    // Public addresses only, as for images, unless --fetch-media-private.
    const another = `<!-- wp:embed --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${origin}/video/42?t=30</div></figure><!-- /wp:embed -->`
    const closed = await run(
      exportOf(site(), 'embeds', body(' A third look.') + another),
      mediaFromWeb({ timeoutMs: 3000 }),
    )
    expect(closed.updated).toBe(1)
    const third = (await embeds())[2]!
    expect(third.url).toBe(`${origin}/video/42?t=30`)
    expect(third.card).toMatchObject({ status: 'link' })
    expect(closed.notes.join('\n')).toMatch(
      /The embed .*\/video\/42\?t=30 is a plain link: .*private or reserved address/,
    )
  })

  it('a re-run that updates the post keeps the cards it made, fetching nothing again', async () => {
    hits.length = 0
    const media = await payload.count({ collection: 'media' })
    const report = await run(
      exportOf(site(), 'embeds', body(' A fourth look.')),
      mediaFromWeb({ allowPrivate: true }),
    )
    expect(report.updated).toBe(1)
    expect(hits.filter((hit) => hit.startsWith('/video') || hit.startsWith('/oembed'))).toEqual([])
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(media.totalDocs)
    expect((await embeds())[0]!.card).toMatchObject({ status: 'card' })
  })
})
