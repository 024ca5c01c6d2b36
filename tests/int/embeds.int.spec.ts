import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { resolveEmbed } from '@/embeds/resolve'
import type { Article, EmbedBlock } from '@/payload-types'
import { playerOrigins } from '@/server/contentSecurityPolicy'

import { testPayload } from '../support/payload'

/**
 * Embeds are resolved once, when the article is saved, from a local server
 * that speaks oEmbed (never the internet): a card with title, author,
 * provider, the thumbnail copied into Media and the player's https address;
 * a plain link, with the reason, when anything fails.
 */

let server: Server
let origin: string
let payload: Payload
const hits: string[] = []

const PLAYER = 'https://player.quayside-video.invalid/embed/42'

beforeAll(async () => {
  const thumbnail = await sharp({
    create: { width: 640, height: 360, channels: 3, background: '#305070' },
  })
    .jpeg()
    .toBuffer()
  server = createServer((request, response) => {
    hits.push(request.url ?? '')
    const url = new URL(request.url ?? '/', 'http://fixture')
    if (url.pathname === '/video/42') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html><head><title>Video</title>
<link rel="alternate" type="application/json+oembed" href="/oembed?url=${encodeURIComponent(`${origin}/video/42`)}&amp;format=json">
</head><body>A video.</body></html>`,
      )
    } else if (url.pathname === '/oembed') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          version: '1.0',
          type: 'video',
          title: 'The harbour at dawn',
          author_name: 'Maya Okafor',
          provider_name: 'Quayside Video',
          thumbnail_url: `${origin}/thumb.jpg`,
          width: 640,
          height: 360,
          html: `<iframe src="${PLAYER}" width="640" height="360"></iframe><script>alert(1)</script>`,
        }),
      )
    } else if (url.pathname === '/thumb.jpg') {
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end(thumbnail)
    } else if (url.pathname === '/plain') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>No embed here.</p>')
    } else if (url.pathname === '/broken') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<link rel="alternate" type="application/json+oembed" href="/not-json">')
    } else response.writeHead(404).end('missing')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  payload = await testPayload()
}, 120_000)

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const embedNode = (url: string, card?: EmbedBlock['card']) => ({
  type: 'block',
  version: 2,
  format: '',
  fields: {
    id: `embed-${Math.random().toString(36).slice(2)}`,
    blockName: '',
    blockType: 'embed',
    url,
    ...(card ? { card } : {}),
  },
})

const content = (...nodes: unknown[]) => ({
  root: {
    type: 'root',
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        textFormat: 0,
        children: [
          {
            type: 'text',
            version: 1,
            text: 'Watch it.',
            format: 0,
            mode: 'normal',
            style: '',
            detail: 0,
          },
        ],
      },
      ...nodes,
    ],
  },
})

const cards = (article: Article) =>
  (
    article.body[0]!.content as unknown as {
      root: { children: { type: string; fields?: EmbedBlock }[] }
    }
  ).root.children
    .filter((node) => node.type === 'block')
    .map((node) => node.fields!.card!)

/** The draft article and its first embed block's node, to edit and save back. */
async function embedOf(id: number) {
  const article = (await payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    depth: 0,
  })) as Article
  const content = article.body[0]!.content as unknown as {
    root: { children: { type: string; fields?: EmbedBlock }[] }
  }
  return { article, node: content.root.children.find((child) => child.type === 'block')! }
}

describe('embeds, resolved when the article is saved', () => {
  let id: number

  it('turns a pasted address into a card: title, author, provider, thumbnail in Media, the player', async () => {
    const { docs } = await payload.find({ collection: 'articles', limit: 1, depth: 0 })
    const base = docs[0]!
    const created = await payload.create({
      collection: 'articles',
      draft: true,
      data: {
        headline: 'Embed test: the harbour video',
        dek: 'A video of the harbour at dawn.',
        section: base.section,
        authors: base.authors,
        _status: 'draft',
        body: [
          {
            heading: 'The video',
            content: content(
              embedNode(`${origin}/video/42`),
              embedNode(`${origin}/plain`),
              embedNode(`${origin}/broken`),
            ) as Article['body'][number]['content'],
          },
        ],
      },
      depth: 1,
    })
    id = created.id
    const [video, plain, broken] = cards(created)
    expect(video).toMatchObject({
      status: 'card',
      resolvedUrl: `${origin}/video/42`,
      title: 'The harbour at dawn',
      author: 'Maya Okafor',
      provider: 'Quayside Video',
      player: PLAYER,
      aspectRatio: 1.778,
    })
    const thumbnail = await payload.findByID({
      collection: 'media',
      id: typeof video!.thumbnail === 'object' ? video!.thumbnail!.id : video!.thumbnail!,
    })
    expect(thumbnail).toMatchObject({
      alt: 'Still from “The harbour at dawn”',
      importedFrom: `${origin}/thumb.jpg`,
    })
    expect(plain).toMatchObject({
      status: 'link',
      reason: 'the page offers no embed (no oEmbed link)',
    })
    expect(broken).toMatchObject({
      status: 'link',
      reason: 'the embed data the server answered 404',
    })
    // Nothing of the provider's HTML is kept but the player's address.
    expect(JSON.stringify(created.body)).not.toContain('<script')
  })

  it('a save that leaves the address alone fetches nothing again', async () => {
    const before = hits.length
    const { article } = await embedOf(id)
    await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { dek: 'A video of the harbour at dawn, again.', body: article.body },
    })
    expect(hits.length).toBe(before)
  })

  it('a card sent in by hand (a forged player or title) is made again by the server', async () => {
    const { article, node } = await embedOf(id)
    const forged = {
      resolvedUrl: `${origin}/video/42`,
      status: 'card' as const,
      title: 'Click here for a prize',
      player: 'https://evil.example/player',
    }
    node.fields = { ...node.fields!, card: forged }
    const saved = (await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { body: article.body },
    })) as Article
    expect(cards(saved)[0]).toMatchObject({ title: 'The harbour at dawn', player: PLAYER })
  })

  it('a save that leaves embeds for later (an import) still drops a card the server did not make', async () => {
    const { article, node } = await embedOf(id)
    node.fields = {
      ...node.fields!,
      card: { resolvedUrl: node.fields!.url, status: 'card', player: 'https://evil.example/p' },
    }
    const saved = (await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { body: article.body },
      context: { skipEmbeds: true },
    })) as Article
    expect(cards(saved)[0]?.player ?? null).toBeNull()
  })

  it('fetches from loopback and private addresses only when EMBED_ALLOW_PRIVATE says so', async () => {
    const card = await resolveEmbed(payload, `${origin}/video/42`, false)
    expect(card).toMatchObject({
      status: 'link',
      reason: expect.stringMatching(
        /is a private or reserved address, which is not fetched \(EMBED_ALLOW_PRIVATE allows it\)/,
      ),
    })
  })

  it('a reader page may frame only the players its cards offer, and only https ones', () => {
    expect(playerOrigins(`<figure data-embed-player="${PLAYER}"></figure>`)).toEqual([
      'https://player.quayside-video.invalid',
    ])
    expect(playerOrigins('<figure data-embed-player="http://plain.example/x"></figure>')).toEqual([
      "'none'",
    ])
    expect(playerOrigins('<p>No embeds.</p>')).toEqual(["'none'"])
  })
})
