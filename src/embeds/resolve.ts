import { type DefaultTreeAdapterTypes as T, parse, parseFragment } from 'parse5'
import type { CollectionBeforeChangeHook, Payload } from 'payload'
import { z } from 'zod'

import type { ContentBlock, ContentSection } from '@/content/types'
import { env } from '@/env'
import { fetchPublic, mediaFromWeb, mediaLibrary, type WebOptions } from '@/import/media'
import { checkHref } from '@/lib/safeHref'
import { hmac } from '@/lib/secrets'
import type { EmbedBlock } from '@/payload-types'

/**
 * Embeds resolved once, when the article is saved: the address an editor
 * pasted gives, through oEmbed (the provider's endpoint for the big ones,
 * else the `<link rel="alternate" type="application/json+oembed">` the page
 * names), a static card — title, author, provider, a thumbnail copied into
 * Media, the player's https address. Readers get the card with no
 * third-party request until they click to play. Anything that fails makes the
 * card a plain link, with the reason for the editor. Every fetch is the
 * server's own (time limit, size cap, public addresses only unless
 * EMBED_ALLOW_PRIVATE).
 */

type Card = NonNullable<EmbedBlock['card']>

const PAGE_MAX_BYTES = 1024 * 1024
const OEMBED_MAX_BYTES = 256 * 1024
const TIMEOUT_MS = 8000

/** Providers whose pages do not name their oEmbed endpoint, or are slow to: asked directly. */
const ENDPOINTS: { match: RegExp; endpoint: string }[] = [
  {
    match: /^https:\/\/(www\.|m\.)?(youtube\.com|youtu\.be)\//,
    endpoint: 'https://www.youtube.com/oembed',
  },
  {
    match: /^https:\/\/(www\.|player\.)?vimeo\.com\//,
    endpoint: 'https://vimeo.com/api/oembed.json',
  },
  {
    match: /^https:\/\/(www\.)?(twitter|x)\.com\//,
    endpoint: 'https://publish.twitter.com/oembed',
  },
]

const OEmbed = z.object({
  type: z.string().max(20).optional(),
  title: z.string().max(500).optional(),
  author_name: z.string().max(200).optional(),
  provider_name: z.string().max(100).optional(),
  thumbnail_url: z.string().max(2000).optional(),
  html: z.string().max(20_000).optional(),
  width: z.coerce.number().positive().max(10_000).optional(),
  height: z.coerce.number().positive().max(10_000).optional(),
})

const webOptions = (allowPrivate: boolean): WebOptions => ({
  timeoutMs: TIMEOUT_MS,
  allowPrivate,
  privateHint: 'EMBED_ALLOW_PRIVATE allows it',
})

function find(node: T.ParentNode, test: (element: T.Element) => boolean): T.Element | null {
  for (const child of node.childNodes ?? []) {
    if (!('tagName' in child)) continue
    if (test(child)) return child
    const inner = find(child, test)
    if (inner) return inner
  }
  return null
}

const attr = (element: T.Element, name: string) =>
  element.attrs.find((a) => a.name === name)?.value ?? null

/** The oEmbed address for a page: a known provider's, or the one the page itself names. */
async function oEmbedAddress(url: URL, web: WebOptions): Promise<URL | string> {
  const known = ENDPOINTS.find((provider) => provider.match.test(url.href))
  if (known) {
    const endpoint = new URL(known.endpoint)
    endpoint.searchParams.set('url', url.href)
    endpoint.searchParams.set('format', 'json')
    return endpoint
  }
  const page = await fetchPublic(url, { ...web, maxBytes: PAGE_MAX_BYTES })
  if (!page.ok) return `the page ${page.reason}`
  if (!/html/i.test(page.contentType)) return 'the address is not a web page'
  const link = find(parse(page.data.toString('utf8')), (element) => {
    return (
      element.tagName === 'link' &&
      (attr(element, 'rel') ?? '').split(/\s+/).includes('alternate') &&
      attr(element, 'type') === 'application/json+oembed'
    )
  })
  const href = link ? attr(link, 'href') : null
  if (!href) return 'the page offers no embed (no oEmbed link)'
  try {
    return new URL(href, page.url)
  } catch {
    return 'the page’s oEmbed link is not an address'
  }
}

/** The https address of the provider's player, from the iframe in its oEmbed HTML. */
function playerOf(html: string | undefined): string | null {
  if (!html) return null
  const iframe = find(parseFragment(html), (element) => element.tagName === 'iframe')
  const src = iframe ? attr(iframe, 'src') : null
  if (!src) return null
  const check = checkHref(src)
  return check.ok && check.href.startsWith('https://') ? check.href : null
}

/**
 * The card for `address`, its thumbnail copied into Media. `privateAddresses` (by default
 * EMBED_ALLOW_PRIVATE) lets it fetch from loopback and private networks.
 */
export async function resolveEmbed(
  payload: Payload,
  address: string,
  privateAddresses: boolean = env.EMBED_ALLOW_PRIVATE,
): Promise<Card> {
  const web = webOptions(privateAddresses)
  const link = (reason: string): Card => ({
    resolvedUrl: address,
    status: 'link',
    reason,
    title: null,
    author: null,
    provider: null,
    thumbnail: null,
    player: null,
    aspectRatio: null,
  })
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return link('it is not an address')
  }
  const endpoint = await oEmbedAddress(url, web)
  if (typeof endpoint === 'string') return link(endpoint)
  const answer = await fetchPublic(endpoint, { ...web, maxBytes: OEMBED_MAX_BYTES })
  if (!answer.ok) return link(`the embed data ${answer.reason}`)
  let json: unknown
  try {
    json = JSON.parse(answer.data.toString('utf8'))
  } catch {
    return link('the embed data is not JSON')
  }
  const parsed = OEmbed.safeParse(json)
  if (!parsed.success) return link('the embed data is not oEmbed')
  const data = parsed.data
  const title = data.title?.trim() || null
  let thumbnail: number | null = null
  if (data.thumbnail_url) {
    try {
      const library = mediaLibrary(payload, mediaFromWeb({ ...web, maxBytes: 5 * 1024 * 1024 }))
      thumbnail = await library.image(
        new URL(data.thumbnail_url, endpoint),
        { alt: title ? `Still from “${title}”` : '', caption: '' },
        (message) => payload.logger.info({ msg: `Embed thumbnail not copied: ${message}` }),
      )
    } catch {
      thumbnail = null
    }
  }
  return {
    resolvedUrl: address,
    status: 'card',
    reason: null,
    title,
    author: data.author_name?.trim() || null,
    provider: data.provider_name?.trim() || url.hostname,
    thumbnail,
    player: playerOf(data.html),
    aspectRatio:
      data.width && data.height ? Math.round((data.width / data.height) * 1000) / 1000 : null,
  }
}

/**
 * The server's mark on a card it made: a card sent in by hand (a REST client forging a
 * player address or a title) does not carry it, so it is resolved again instead of kept.
 */
export function cardSignature(card: Card): string {
  const thumbnail =
    card.thumbnail && typeof card.thumbnail === 'object' ? card.thumbnail.id : card.thumbnail
  const fields = [
    card.resolvedUrl,
    card.status,
    card.title,
    card.author,
    card.provider,
    thumbnail,
    card.player,
    card.aspectRatio,
    card.reason,
  ].map((value) => value ?? null)
  return hmac('embed-card', JSON.stringify(fields))
}

const signed = (card: Card): Card => ({ ...card, signature: cardSignature(card) })

/** Whether this server made the card (it carries the server's mark over its fields). */
const isOurs = (card: Card | null | undefined): card is Card =>
  Boolean(card?.signature && card.signature === cardSignature(card))

/**
 * An import's embed blocks with their cards. With `web` (the import fetches, --fetch-media)
 * each address is resolved now by its rules, or takes the card it already has here (`known`,
 * by address, from the article a re-run updates); without, an embed keeps no card — the reader
 * sees a plain link — and is resolved when an editor next saves the article (the import saves
 * with `skipEmbeds`). `note` gets a line for each embed that is a plain link, and why.
 */
export async function settleEmbeds(
  payload: Payload,
  sections: ContentSection[],
  web: WebOptions | undefined,
  note: (message: string) => void,
  known: Map<string, Card> = new Map(),
): Promise<ContentSection[]> {
  const settled: ContentSection[] = []
  for (const section of sections) {
    const blocks: ContentBlock[] = []
    for (const block of section.blocks) {
      if (block.type !== 'embed') {
        blocks.push(block)
        continue
      }
      const short = block.url.length > 80 ? `${block.url.slice(0, 79)}…` : block.url
      if (!web) {
        note(
          `The embed ${short} is a plain link until its card is made: import with --fetch-media, or save the article in the admin.`,
        )
        blocks.push(block)
        continue
      }
      const had = known.get(block.url)
      const card = isOurs(had)
        ? had
        : signed(await resolveEmbed(payload, block.url, web.allowPrivate ?? false))
      if (card.status !== 'card') note(`The embed ${short} is a plain link: ${card.reason}.`)
      blocks.push({ ...block, card })
    }
    settled.push({ ...section, blocks })
  }
  return settled
}

/** The signed cards of an article's embeds, by address (what a re-run of an import reuses). */
export function cardsOf(body: { content?: unknown }[] | null | undefined): Map<string, Card> {
  const cards = new Map<string, Card>()
  const visit = (node: Node | undefined) => {
    if (!node || typeof node !== 'object') return
    const fields = node.fields
    if (node.type === 'block' && fields?.blockType === 'embed' && fields.url && fields.card) {
      cards.set(fields.url, fields.card)
    }
    if (Array.isArray(node.children)) node.children.forEach(visit)
  }
  for (const section of body ?? []) visit((section?.content as { root?: Node } | undefined)?.root)
  return cards
}

type Node = { type?: string; fields?: Partial<EmbedBlock>; children?: Node[] }

/**
 * beforeChange: each embed whose address is new or changed since its card was made is
 * resolved now (an unchanged one is left as it is, so autosaves fetch nothing).
 */
export const resolveEmbeds: CollectionBeforeChangeHook = async ({ data, req }) => {
  // An import without --fetch-media: its embeds wait for an editor's save (a card not made
  // by this server is dropped all the same).
  const skip = Boolean(req.context?.skipEmbeds)
  const body = (data as { body?: { content?: { root?: Node } }[] }).body
  if (!Array.isArray(body)) return data
  const pending: Node[] = []
  const visit = (node: Node | undefined) => {
    if (!node || typeof node !== 'object') return
    if (node.type === 'block' && node.fields?.blockType === 'embed') {
      const url = typeof node.fields.url === 'string' ? node.fields.url.trim() : ''
      const card = node.fields.card
      const ours = isOurs(card)
      if (skip && card && !ours) delete node.fields.card
      else if (!skip && url && (card?.resolvedUrl !== url || !ours)) pending.push(node)
    }
    if (Array.isArray(node.children)) node.children.forEach(visit)
  }
  for (const section of body) visit(section?.content?.root)
  for (const node of pending) {
    node.fields!.card = signed(await resolveEmbed(req.payload, node.fields!.url!.trim()))
  }
  return data
}
