import type { Payload } from 'payload'
import { z } from 'zod'

import {
  type ArchiveOptions,
  type ArchiveOrigin,
  type ArchiveRecord,
  type ArchiveReport,
  importArchive,
} from '../archive'
import { escapeHtml } from '../wordpress/html'
import type { WpAuthor, WpItem } from '../wordpress/items'

/**
 * The Ghost import: the JSON file Ghost's admin exports (Settings → Labs →
 * Export, any version from 1.x to 5.x). Posts and pages with their HTML become
 * articles through the same archive import as WordPress's; the primary tag (a
 * post's first) is its desk, the other public tags its topics, internal `#tags`
 * are left out; authors are bylines, co-authors included. Ghost's default
 * addresses — `/slug/`, `/tag/slug/`, `/author/slug/` — redirect to the new ones.
 * Items are remembered by their Ghost UUID.
 */

export interface GhostOptions extends ArchiveOptions {
  /**
   * The old site's address (`--site-url`): Ghost's export names its own images and links
   * relative to it, so fetching images (`--fetch-media`) needs it.
   */
  siteUrl?: string
}
export type GhostReport = ArchiveReport

/** The export is one JSON document, read whole: beyond this it is refused. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024

/** The export cannot be read at all (not JSON, not Ghost's): nothing is imported. */
export class GhostUnreadable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GhostUnreadable'
  }
}

export const ghost: ArchiveOrigin = {
  name: 'Ghost',
  key: 'ghost',
  source: (item) => `ghost:${item.guid}`,
  // Ghost's default routes: posts and pages both live at /slug/.
  oldPaths: (item) => (item.postName ? [`/${item.postName}/`] : []),
  deskPath: (slug) => `/tag/${slug}/`,
  tagPath: (slug) => `/tag/${slug}/`,
  authorPath: (slug) => `/author/${slug}/`,
}

const text = z.string().nullish()
const row = z.object({ id: z.union([z.string(), z.number()]).transform(String) })
const Post = row.extend({
  uuid: text,
  title: text,
  slug: text,
  html: text,
  plaintext: text,
  custom_excerpt: text,
  feature_image: text,
  codeinjection_head: text,
  codeinjection_foot: text,
  type: text,
  page: z.union([z.boolean(), z.number()]).nullish(),
  status: text,
  visibility: text,
  published_at: z.union([z.string(), z.number()]).nullish(),
  created_at: z.union([z.string(), z.number()]).nullish(),
  author_id: z.union([z.string(), z.number()]).nullish(),
})
const Tag = row.extend({ name: text, slug: text, description: text, visibility: text })
const User = row.extend({ name: text, slug: text, email: text })
const id = z.union([z.string(), z.number()]).transform(String)
const PostTag = z.object({ post_id: id, tag_id: id, sort_order: z.number().nullish() })
const PostMeta = z.object({
  post_id: id,
  feature_image_alt: text,
  feature_image_caption: text,
})
const PostAuthor = z.object({ post_id: id, author_id: id, sort_order: z.number().nullish() })
const Data = z.object({
  posts: z.array(z.unknown()),
  tags: z.array(z.unknown()).default([]),
  users: z.array(z.unknown()).default([]),
  posts_tags: z.array(z.unknown()).default([]),
  posts_authors: z.array(z.unknown()).default([]),
  posts_meta: z.array(z.unknown()).default([]),
  // Not articles: counted in the report as skipped, never imported.
  members: z.array(z.unknown()).default([]),
  subscribers: z.array(z.unknown()).default([]),
  newsletters: z.array(z.unknown()).default([]),
})
const Envelope = z.union([
  z.object({ db: z.array(z.object({ data: Data })).min(1) }),
  z.object({ data: Data }),
])

type Post = z.infer<typeof Post>

/** Reads an export: its posts in order, and the records the import needs first. */
export interface GhostExport {
  total: number
  records: ArchiveRecord[]
}

/** Refuses an export over MAX_EXPORT_BYTES, before it is read whole. */
export function checkExportSize(bytes: number): void {
  if (bytes > MAX_EXPORT_BYTES) {
    throw new GhostUnreadable(
      `It is ${Math.ceil(bytes / 1024 / 1024)} MB; an export may be at most ${MAX_EXPORT_BYTES / 1024 / 1024} MB (Ghost's JSON export, without its images, is far smaller).`,
    )
  }
}

export function readGhost(json: string): GhostExport {
  checkExportSize(Buffer.byteLength(json))
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (error) {
    throw new GhostUnreadable(`This is not JSON: ${(error as Error).message}.`)
  }
  const envelope = Envelope.safeParse(parsed)
  if (!envelope.success) {
    throw new GhostUnreadable(
      'This is not a Ghost export: it has no "db": [{ "data": { "posts": [...] } }] (nor "data": { "posts": [...] }).',
    )
  }
  const data = 'db' in envelope.data ? envelope.data.db[0]!.data : envelope.data.data
  const valid = <T>(schema: z.ZodType<T>, rows: unknown[]) =>
    rows.flatMap((value) => {
      const result = schema.safeParse(value)
      return result.success ? [result.data] : []
    })
  const tags = new Map(valid(Tag, data.tags).map((tag) => [tag.id, tag]))
  const users = new Map(valid(User, data.users).map((user) => [user.id, user]))
  /** Each post's tags or authors, in their sort order. */
  const byPost = (rows: { post_id: string; other: string; sort_order?: number | null }[]) => {
    const map = new Map<string, string[]>()
    rows.sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0))
    for (const entry of rows)
      map.set(entry.post_id, [...(map.get(entry.post_id) ?? []), entry.other])
    return map
  }
  const postMeta = new Map(valid(PostMeta, data.posts_meta).map((meta) => [meta.post_id, meta]))
  const postTags = byPost(
    valid(PostTag, data.posts_tags).map((entry) => ({ ...entry, other: entry.tag_id })),
  )
  const postAuthors = byPost(
    valid(PostAuthor, data.posts_authors).map((entry) => ({ ...entry, other: entry.author_id })),
  )

  const records: ArchiveRecord[] = []
  for (const user of users.values()) {
    const author: WpAuthor = {
      login: user.slug || `ghost-${user.id}`,
      email: user.email ?? '',
      displayName: user.name ?? '',
    }
    records.push({ kind: 'author', author })
  }
  const isPublic = (id: string) => {
    const tag = tags.get(id)
    return tag !== undefined && tag.visibility !== 'internal' && !tag.name?.startsWith('#')
  }
  // Every tag that is some post's primary tag is a desk (Ghost tags are flat).
  const primaries = new Set(
    [...postTags.values()].map((ids) => ids.find(isPublic)).filter((id) => id !== undefined),
  )
  for (const primary of primaries) {
    const tag = tags.get(primary)!
    records.push({
      kind: 'category',
      category: {
        nicename: tag.slug || tag.id,
        name: tag.name ?? tag.slug ?? '',
        parent: '',
        description: tag.description ?? '',
      },
    })
  }

  data.posts.forEach((value, index) => {
    const result = Post.safeParse(value)
    if (!result.success) {
      const issue = result.error.issues[0]
      records.push({
        kind: 'skipped',
        item: `post ${index + 1} of the export`,
        reason: `It is not a Ghost post (${issue?.path.join('.') || 'the entry'}: ${issue?.message ?? 'unreadable'}).`,
      })
      return
    }
    records.push({
      kind: 'item',
      item: itemOf(
        postMeta.get(result.data.id),
        result.data,
        postTags.get(result.data.id) ?? [],
        tags,
        isPublic,
        (id) => {
          const user = users.get(id)
          return user ? user.slug || `ghost-${user.id}` : ''
        },
        postAuthors.get(result.data.id),
      ),
    })
  })
  // Ghost's readers and mailings are not articles: each kind is one line of the report.
  const notHere = [
    { rows: data.members.length + data.subscribers.length, one: 'member', many: 'members' },
    { rows: data.newsletters.length, one: 'newsletter', many: 'newsletters' },
  ].filter((kind) => kind.rows > 0)
  for (const kind of notHere) {
    records.push({
      kind: 'skipped',
      item: `${kind.rows} ${kind.rows === 1 ? kind.one : kind.many}`,
      reason: `Ghost's ${kind.many} are not imported: this import brings articles, not readers' accounts or mailing lists.`,
    })
  }
  return { total: data.posts.length + notHere.length, records }
}

function itemOf(
  meta: z.infer<typeof PostMeta> | undefined,
  post: Post,
  tagIds: string[],
  tags: Map<string, z.infer<typeof Tag>>,
  isPublic: (id: string) => boolean,
  login: (userId: string) => string,
  authorIds: string[] | undefined,
): WpItem {
  const remarks: string[] = []
  const type = post.type ?? (post.page ? 'page' : 'post')
  const visibility = post.visibility ?? 'public'
  let status = 'draft'
  switch (post.status) {
    case 'published':
      status = visibility === 'public' ? 'publish' : 'private'
      if (visibility !== 'public') {
        remarks.push(`It was for ${visibility === 'paid' ? 'paying ' : ''}members only in Ghost.`)
      }
      break
    case 'scheduled':
      status = 'future'
      break
    case 'sent':
      remarks.push('It was sent as a newsletter only, never on the site: imported as a draft.')
      break
    case 'draft':
    case null:
    case undefined:
      break
    default:
      status = post.status
  }

  // Ghost writes its own address as __GHOST_URL__: site-relative links land on this site,
  // where the old addresses redirect.
  let html = (post.html ?? '').replaceAll('__GHOST_URL__', '')
  if (!html.trim() && post.plaintext?.trim()) {
    remarks.push('The export has no HTML for it, only plain text: its paragraphs were kept.')
    html = post.plaintext
      .split(/\n\s*\n/)
      .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
      .join('')
  }
  if (post.codeinjection_head?.trim() || post.codeinjection_foot?.trim()) {
    remarks.push('Its code injection (scripts or styles for its page) was left out, never run.')
  }
  const internal = tagIds.filter((id) => tags.has(id) && !isPublic(id))
  if (internal.length > 0) {
    remarks.push(
      `Its internal ${internal.length === 1 ? 'tag' : 'tags'} ${internal.map((id) => tags.get(id)!.name).join(', ')} ${internal.length === 1 ? 'was' : 'were'} left out.`,
    )
  }
  const [primary, ...others] = tagIds.filter(isPublic).map((id) => tags.get(id)!)
  const logins = (authorIds ?? (post.author_id != null ? [String(post.author_id)] : []))
    .map(login)
    .filter(Boolean)
  const [creator = '', ...coauthors] = logins
  return {
    line: 0,
    title: escapeHtml(post.title ?? ''),
    link: '',
    guid: post.uuid || post.id,
    postId: post.id,
    postName: post.slug ?? '',
    date: isoDate(post.published_at) ?? (status === 'future' ? null : isoDate(post.created_at)),
    status,
    type,
    password: '',
    creator,
    ...(coauthors.length > 0 ? { coauthors } : {}),
    content: html,
    excerpt: escapeHtml(post.custom_excerpt ?? ''),
    commentStatus: 'open',
    ...(remarks.length > 0 ? { remarks } : {}),
    ...(post.feature_image
      ? {
          featuredImageUrl: post.feature_image.replaceAll('__GHOST_URL__', ''),
          featuredImageAlt: meta?.feature_image_alt ?? '',
          featuredImageCaption: meta?.feature_image_caption ?? '',
        }
      : {}),
    categories: primary ? [{ nicename: primary.slug || primary.id, name: primary.name ?? '' }] : [],
    tags: others.map((tag) => ({ nicename: tag.slug || tag.id, name: tag.name ?? '' })),
    comments: [],
  }
}

function isoDate(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

export async function importGhost(
  payload: Payload,
  source: string | GhostExport,
  options: GhostOptions = {},
): Promise<GhostReport> {
  const { records } = typeof source === 'string' ? readGhost(source) : source
  const site: ArchiveRecord = {
    kind: 'site',
    // Without one, relative addresses still name a file in a folder of images (--media-from).
    url: options.siteUrl ?? 'https://ghost-site.invalid',
    authoritative: true,
  }
  return importArchive(payload, list([site, ...records]), ghost, options)
}

async function* list<T>(values: T[]): AsyncGenerator<T> {
  yield* values
}
