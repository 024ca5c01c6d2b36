import { createHash, randomBytes } from 'node:crypto'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  ValidationError,
  type Where,
} from 'payload'

import { env } from '@/env'
import { slugify } from '@/lib/slugify'
import { urls } from '@/lib/urls'
import { normaliseFromPath } from '@/redirects/paths'
import { redirectFrom, type RedirectReference, type StoredRedirect } from '@/redirects/store'
import { toLexical } from '@/seed/lexical'
import { cardsOf, settleEmbeds } from '@/embeds/resolve'

import type { Author } from '@/payload-types'

import { dekFrom } from './index'
import { mediaLibrary, type MediaSource, messageOf, settleImages } from './media'
import { type Approximation, convertBody, htmlToText } from './wordpress/html'
import type { WpAuthor, WpCategory, WpItem, WpTag } from './wordpress/items'

/**
 * The archive import, for every platform's export: posts and pages become
 * articles, categories (or Ghost's primary tags) desks, tags topics, authors
 * bylines, comments comments and old permalinks 301 redirects. Each item is
 * saved in its own transaction with its tables, comments and redirects, and
 * remembered by where it came from (`importedFrom.source`) with a hash of what
 * the export said: a second run updates what changed and leaves the rest
 * untouched, and a run that was interrupted picks up where it stopped.
 *
 * An export is read by its platform's reader (src/import/wordpress/,
 * src/import/ghost/) into the records below; the item model is WordPress's,
 * the richest of them.
 */

/** What a platform's reader hands the import, in the export's order. */
export type ArchiveRecord =
  /** The old site's address; `authoritative` (WordPress's base_site_url) wins over a guess. */
  | { kind: 'site'; url: string; authoritative: boolean }
  | { kind: 'author'; author: WpAuthor }
  | { kind: 'category'; category: WpCategory }
  | { kind: 'tag'; tag: WpTag }
  | { kind: 'item'; item: WpItem }
  /** An item the reader could not make sense of: counted as done, skipped with its reason. */
  | { kind: 'skipped'; item: string; reason: string }

/** What differs from one platform to the next: names and old addresses. */
export interface ArchiveOrigin {
  /** "WordPress", "Ghost": as report lines name it. */
  name: string
  /** The prefix of each article's `importedFrom.source` and each comment's key. */
  key: string
  /** Where an item came from, stable from one export to the next. */
  source(item: WpItem, siteUrl: string): string
  /** The addresses readers knew the item by. */
  oldPaths(item: WpItem): string[]
  /** A desk's old address, from its category path ("parent/child"). */
  deskPath(path: string): string
  /** A topic's old address. */
  tagPath(slug: string): string
  /** A byline's old address, when the platform had author pages readers knew. */
  authorPath?(slug: string): string
}

const HEADLINE_LIMIT = 160
const DEK_LIMIT = 300
const NAME_LIMIT = 60
const COMMENT_LIMIT = 5000
/** Bumped when the mapping changes, so a re-run rewrites what an older version imported. */
const MAPPING_VERSION = '3'

export interface ArchiveOptions {
  /** Desk (slug) for pages; created as "Pages" when missing. */
  pagesDesk?: string
  /** Desk (slug) for posts filed under no category; created when missing. */
  defaultDesk?: string
  /** Called after each item. */
  onProgress?: (progress: Progress) => void
  /** Called for each article imported or updated. */
  onArticle?: (article: ImportedArticle) => void
  /** Bring the images: featured images as heroes, body images and galleries, attachments. */
  media?: ArchiveMedia
  /**
   * Give each author with an email a login account (role author) writing under their byline,
   * with no password anyone knows: they set one with "Forgot password?". An account that
   * exists keeps its role.
   */
  authorAccounts?: boolean
  /** Posts saved at once (IMPORT_CONCURRENCY by default); 1 saves them in the export's order. */
  concurrency?: number
}

/** An article an import saved; `position` is its item's place among the export's (from 0). */
export interface ImportedArticle {
  id: number
  headline: string
  status: string
  updated: boolean
  position: number
}

export interface ArchiveMedia {
  source: MediaSource
  /** Attachments by post ID (WordPress): featured images, and alt text for body images. */
  attachments?: Map<string, { url: string; alt: string; caption: string; title: string }>
}

export interface Progress {
  done: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
}

export interface ArchiveReport extends Progress {
  /** Reasons, each with the item it concerns. */
  skippedItems: { item: string; reason: string }[]
  approximations: Partial<Record<Approximation, number>>
  /** Line-by-line notes: approximations and decisions, each naming its item. */
  notes: string[]
  created: {
    desks: number
    topics: number
    bylines: number
    comments: number
    redirects: number
    media: number
    /** Login accounts made for authors (`authorAccounts`). */
    accounts: number
  }
  /** Attachments seen without a media source (`media`): counted, not imported. */
  attachments: number
}

type Ids = Map<string, number>

export async function importArchive(
  payload: Payload,
  records: AsyncIterable<ArchiveRecord>,
  origin: ArchiveOrigin,
  options: ArchiveOptions = {},
): Promise<ArchiveReport> {
  const report: ArchiveReport = {
    done: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    skippedItems: [],
    approximations: {},
    notes: [],
    created: { desks: 0, topics: 0, bylines: 0, comments: 0, redirects: 0, media: 0, accounts: 0 },
    attachments: 0,
  }
  // Imports run as the system: no reader sees a draft; published posts were published already.
  const context = {
    disableRevalidate: true,
    disableNotifications: true,
    skipChecklist: true,
    // Embeds are resolved here, by the import's own rules (settleEmbeds), or left for an editor.
    skipEmbeds: true,
  }
  const base = { overrideAccess: true, depth: 0, context } as const
  const categories = new Map<string, WpCategory>()
  const authors = new Map<string, WpAuthor>()
  const deskIds: Ids = new Map()
  const topicIds: Ids = new Map()
  const bylineIds: Ids = new Map()
  let siteUrl = ''

  const note = (message: string) => report.notes.push(message)
  // Posts are imported a few at a time; the desks, topics and bylines they make, one at a time
  // (each is made once, then known), and so are embeds (their thumbnails are Media made once).
  const taxonomy = oneAtATime()
  const embedding = oneAtATime()

  /** The first document of `collection` matching `where` (drafts too), or null. */
  async function findOne<C extends 'sections' | 'tags' | 'authors' | 'users' | 'media'>(
    collection: C,
    where: Where,
  ) {
    const { docs } = await payload.find({ collection, where, limit: 1, pagination: false, ...base })
    return docs[0] ?? null
  }

  const findBySlug = <C extends 'sections' | 'tags' | 'authors'>(collection: C, slug: string) =>
    findOne(collection, { slug: { equals: slug } })

  async function desk(nicename: string, seen = new Set<string>()): Promise<number | null> {
    const slug = slugify(decode(nicename))
    const known = deskIds.get(slug)
    if (known !== undefined) return known
    const existing = await findBySlug('sections', slug)
    if (existing) {
      deskIds.set(slug, existing.id)
      return existing.id
    }
    const category = categories.get(nicename)
    const name = category?.name ? htmlToText(category.name) : slug
    let parent: number | null = null
    if (category?.parent && !seen.has(nicename)) {
      seen.add(nicename)
      parent = await desk(category.parent, seen)
    }
    if (name.length > NAME_LIMIT)
      note(`Desk "${name}": the name was cut to ${NAME_LIMIT} characters.`)
    try {
      const doc = await payload.create({
        collection: 'sections',
        data: {
          name: name.slice(0, NAME_LIMIT),
          slug,
          ...(category?.description
            ? { description: htmlToText(category.description).slice(0, 300) }
            : {}),
          ...(parent !== null ? { parent } : {}),
        },
        ...base,
      })
      report.created.desks += 1
      deskIds.set(slug, doc.id)
      await redirect(
        origin.deskPath(categoryPathOf(nicename)),
        { relationTo: 'sections', value: doc.id },
        `Desk "${name}"`,
      )
      return doc.id
    } catch (error) {
      note(
        `Category "${name}" could not become a desk (${messageOf(error)}); its posts go to the default desk.`,
      )
      return null
    }
  }

  function categoryPathOf(nicename: string): string {
    const parts = [nicename]
    let current = categories.get(nicename)
    while (current?.parent && !parts.includes(current.parent) && parts.length < 10) {
      parts.unshift(current.parent)
      current = categories.get(current.parent)
    }
    return parts.join('/')
  }

  async function namedDesk(slug: string, name: string): Promise<number> {
    const found = deskIds.get(slug) ?? (await findBySlug('sections', slug))?.id
    if (found !== undefined) {
      deskIds.set(slug, found)
      return found
    }
    const doc = await payload.create({ collection: 'sections', data: { name, slug }, ...base })
    report.created.desks += 1
    deskIds.set(slug, doc.id)
    return doc.id
  }

  async function topic(nicename: string, label: string): Promise<number | null> {
    const slug = slugify(decode(nicename || label))
    if (!slug) return null
    const known = topicIds.get(slug)
    if (known !== undefined) return known
    const existing = await findBySlug('tags', slug)
    let id = existing?.id
    if (id === undefined) {
      const name = htmlToText(label || slug).slice(0, NAME_LIMIT)
      const doc = await payload.create({ collection: 'tags', data: { name, slug }, ...base })
      report.created.topics += 1
      id = doc.id
    }
    topicIds.set(slug, id)
    await redirect(
      origin.tagPath(encodeURIComponent(decode(nicename || slug))),
      urls.tag({ slug })!,
      `Topic "${label}"`,
    )
    return id
  }

  // The first account of a site becomes its admin: an import never makes that one.
  let accounts = Boolean(options.authorAccounts)
  if (accounts && (await payload.count({ collection: 'users', ...base })).totalDocs === 0) {
    accounts = false
    report.notes.push(
      'No login accounts were made for the authors: the site has no accounts yet, and its first is its admin. Create the admin, then run the import again.',
    )
  }

  async function byline(login: string): Promise<number> {
    const known = bylineIds.get(login)
    if (known !== undefined) return known
    const author = authors.get(login)
    const name = (author?.displayName ? htmlToText(author.displayName) : '') || login || 'Staff'
    let found: Author | null = null
    const email = validEmail(author?.email ?? '')
    // A newsroom account with the author's email writes under its own byline.
    let user = email ? await findOne('users', { email: { equals: email } }) : null
    if (user) found = await findOne('authors', { user: { equals: user.id } })
    if (!user && email && accounts) {
      try {
        user = await payload.create({
          collection: 'users',
          data: {
            email,
            name: name.slice(0, 100),
            role: 'author',
            // Known to nobody: the author sets their own with "Forgot password?".
            password: randomBytes(32).toString('base64url'),
          },
          ...base,
        })
        report.created.accounts += 1
      } catch (error) {
        note(`Author "${name}": no login account (${messageOf(error)}); the byline is made.`)
      }
    }
    const slug = slugify(decode(login || name))
    found ??= await findBySlug('authors', slug)
    if (!found) {
      found = await payload.create({
        collection: 'authors',
        data: {
          name: name.slice(0, 100),
          slug,
          kind: 'person',
          ...(user && accounts ? { user: user.id } : {}),
        },
        ...base,
      })
      report.created.bylines += 1
    } else if (user && accounts && !found.user) {
      // A byline that was here before, with this slug, may be someone else's: left as it is.
      note(
        `Author "${name}": the byline "${found.name}" was here already; link it to the account ${email} in the admin if it is theirs.`,
      )
    }
    bylineIds.set(login, found.id)
    if (origin.authorPath && login) {
      await redirect(origin.authorPath(login), urls.author(found)!, `Byline "${name}"`)
    }
    return found.id
  }

  async function redirect(
    from: string,
    to: RedirectReference | string,
    what: string,
    req?: PayloadRequest,
    /** The redirects already looked up, by their old address (all of those asked for). */
    known?: Map<string, StoredRedirect>,
  ): Promise<void> {
    const normal = normaliseFromPath(from)
    if (!normal.ok) return
    const target =
      typeof to === 'string'
        ? { type: 'custom' as const, url: to }
        : { type: 'reference' as const, reference: to }
    if (typeof to === 'string' && normal.path === to) return
    const existing = known
      ? (known.get(normal.path) ?? null)
      : await redirectFrom(normal.path, req ?? (await createLocalReq({}, payload)))
    if (existing) {
      const same =
        typeof to === 'string'
          ? existing.to?.type === 'custom' && existing.to.url === to
          : existing.to?.type === 'reference' && sameReference(existing.to.reference, to)
      if (!same)
        note(`${what}: the old address ${normal.path} already redirects elsewhere; left as it is.`)
      return
    }
    try {
      await payload.create({
        collection: 'redirects',
        data: { from: normal.path, to: target, type: '301' },
        ...base,
        ...(req ? { req } : {}),
      })
      report.created.redirects += 1
    } catch (error) {
      note(`${what}: no redirect from ${normal.path} (${messageOf(error)}).`)
    }
  }

  /** Counts an approximation by kind and notes it, naming the item, into `notes`. */
  function tallyInto(notes: string[], item: WpItem) {
    return (kind: Approximation, message: string) => {
      report.approximations[kind] = (report.approximations[kind] ?? 0) + 1
      notes.push(`${label(item)}: ${message}`)
    }
  }

  function skip(item: WpItem, reason: string) {
    report.skipped += 1
    report.skippedItems.push({ item: label(item), reason })
  }

  const attachmentsByUrl = new Map(
    [...(options.media?.attachments?.values() ?? [])].map((entry) => [entry.url, entry]),
  )
  const library = options.media
    ? mediaLibrary(payload, options.media.source, {
        context,
        onCreate: () => (report.created.media += 1),
      })
    : null

  /**
   * The Media document for an image of the export (see mediaLibrary): the attachment's own
   * words describe it in the library; where a post shows it, its words there (a gallery's
   * caption) stay with that post.
   */
  async function mediaFor(
    src: string,
    alt: string,
    caption: string,
    tally: (kind: Approximation, message: string) => void,
  ): Promise<number | null> {
    if (!library) return null
    let url: URL
    try {
      url = new URL(src, siteUrl ? `${siteUrl}/` : undefined)
    } catch {
      tally('image', `The image "${src.slice(0, 80)}" has no usable address; it was left out.`)
      return null
    }
    const attachment = attachmentsByUrl.get(url.href)
    return library.image(
      url,
      { alt: attachment?.alt || alt, caption: attachment?.caption || caption },
      (message) => tally('image', message),
    )
  }

  async function importItem(item: WpItem, position = 0): Promise<void> {
    if (item.type === 'attachment' && options.media && item.attachmentUrl) {
      // Into the library, even when no post shows it: a newsroom's archive is its pictures too.
      const notes: string[] = []
      await mediaFor(item.attachmentUrl, item.alt ?? '', item.excerpt, tallyInto(notes, item))
      report.notes.push(...notes)
      return
    }
    if (item.type === 'attachment') {
      report.attachments += 1
      skip(item, 'An attachment: images come in with --media-from <dir> or --fetch-media.')
      return
    }
    if (item.type !== 'post' && item.type !== 'page') {
      skip(item, `A "${item.type || 'unknown'}" item: only posts and pages are imported.`)
      return
    }
    if (['trash', 'auto-draft', 'inherit'].includes(item.status)) {
      skip(item, `Its status is "${item.status}" in ${origin.name}.`)
      return
    }
    const source = origin.source(item, siteUrl)
    const hashOf = (withMedia: boolean) =>
      createHash('sha256')
        .update(
          JSON.stringify([
            MAPPING_VERSION,
            options.pagesDesk ?? '',
            options.defaultDesk ?? '',
            // Present only with media, so an import without them hashes as it always did.
            ...(withMedia ? ['with media'] : []),
            { ...item, line: 0 },
          ]),
        )
        .digest('hex')
    const hash = hashOf(Boolean(options.media))
    // What a run with images imported, a run without them leaves alone (it would drop them).
    const current = options.media ? [hash] : [hash, hashOf(true)]
    const { docs: found } = await payload.find({
      collection: 'articles',
      where: { 'importedFrom.source': { equals: source } },
      draft: true,
      limit: 1,
      pagination: false,
      ...base,
    })
    const existing = found[0] ?? null
    if (existing?.importedFrom?.hash && current.includes(existing.importedFrom.hash)) {
      report.unchanged += 1
      // A run stopped between an item's save and its redirects finishes them now.
      await redirects(item, existing.id, existing._status, label(item))
      return
    }

    const name = label(item)
    const notes: string[] = []
    const itemNote = (message: string) => notes.push(`${name}: ${message}`)
    for (const remark of item.remarks ?? []) itemNote(remark)
    const tally = tallyInto(notes, item)

    let headline = htmlToText(item.title)
    if (!headline) {
      headline = `Untitled (${origin.name} ${item.type} ${item.postId})`
      itemNote('It has no title; it is called "' + headline + '".')
    }
    if (headline.length > HEADLINE_LIMIT) {
      itemNote(`The title was cut to ${HEADLINE_LIMIT} characters.`)
      headline = `${headline.slice(0, HEADLINE_LIMIT - 1)}…`
    }
    const body = convertBody(
      item.content,
      headline,
      { approximation: tally },
      (n) => `${headline.slice(0, 130)} — table ${n}`,
      { images: Boolean(options.media) },
    )
    const imageIds = new Map<string, number>()
    for (const ref of body.images) {
      const id = await mediaFor(ref.src, ref.alt, ref.caption, tally)
      if (id !== null) imageIds.set(ref.key, id)
    }
    const sections = await embedding(() =>
      settleEmbeds(
        payload,
        settleImages(body.sections, body.images, imageIds),
        options.media?.source.web,
        (message) => tally('embed', message),
        cardsOf(existing?.body),
      ),
    )
    let heroImage: number | null = null
    const featured = item.featuredImage
      ? options.media?.attachments?.get(item.featuredImage)
      : undefined
    if (featured) heroImage = await mediaFor(featured.url, featured.alt, featured.caption, tally)
    else if (item.featuredImage && options.media) {
      tally('image', `Its featured image (attachment ${item.featuredImage}) is not in the export.`)
    } else if (item.featuredImageUrl && options.media) {
      heroImage = await mediaFor(
        item.featuredImageUrl,
        item.featuredImageAlt ?? '',
        item.featuredImageCaption ?? '',
        tally,
      )
    } else if (item.featuredImageUrl) {
      tally(
        'image',
        `Its featured image (${item.featuredImageUrl.slice(0, 80)}) was not brought in: run with --media-from <dir> or --fetch-media.`,
      )
    }
    let dek = dekFrom(htmlToText(item.excerpt).replace(/\s+/g, ' ')) ?? dekFrom(body.firstParagraph)
    if (!dek) {
      dek = headline.slice(0, DEK_LIMIT)
      itemNote('It has no excerpt or opening paragraph; the title is its dek. Write one.')
    }
    dek = dek.slice(0, DEK_LIMIT)

    // Status: what was public stays public; nothing that was not becomes so.
    let status: 'published' | 'draft' = 'draft'
    let schedule: string | null = null
    if (item.password) {
      itemNote(`It was password-protected in ${origin.name}: imported as a draft, never public.`)
    } else if (item.status === 'publish') status = 'published'
    else if (item.status === 'future') {
      if (item.date && new Date(item.date) > new Date()) schedule = item.date
      else itemNote('It was scheduled for a time already past: imported as a draft.')
    } else if (item.status === 'private') {
      itemNote(`It was private in ${origin.name}: imported as a draft, never public.`)
    } else if (item.status !== 'draft' && item.status !== 'pending') {
      itemNote(`Its status "${item.status}" is unknown: imported as a draft.`)
    }

    let deskId: number | null = null
    if (item.type === 'page') {
      deskId = await taxonomy(() => namedDesk(options.pagesDesk ?? 'pages', 'Pages'))
    } else {
      const [first, ...others] = item.categories
      if (first) deskId = await taxonomy(() => desk(first.nicename))
      if (others.length > 0) {
        itemNote(
          `It is also filed under ${others.map((c) => `"${c.name}"`).join(', ')}; an article has one desk, "${first!.name}".`,
        )
      }
      deskId ??= await taxonomy(() =>
        namedDesk(options.defaultDesk ?? 'uncategorized', 'Uncategorized'),
      )
    }
    const tagIds: number[] = []
    for (const tag of item.tags) {
      const id = await taxonomy(() => topic(tag.nicename, tag.name))
      if (id !== null && !tagIds.includes(id)) tagIds.push(id)
    }
    if (!item.creator) itemNote('It names no author; the byline is "Staff".')
    const byIds = [await taxonomy(() => byline(item.creator))]
    for (const login of item.coauthors ?? []) {
      const id = await taxonomy(() => byline(login))
      if (!byIds.includes(id)) byIds.push(id)
    }

    let slug = slugify(decode(item.postName || headline))
    if (!slug) slug = `wordpress-${item.postId}`
    const clash = await payload.find({
      collection: 'articles',
      where: {
        and: [
          { slug: { equals: slug } },
          ...(existing ? [{ id: { not_equals: existing.id } }] : []),
        ],
      },
      draft: true,
      limit: 1,
      pagination: false,
      ...base,
    })
    if (clash.docs.length > 0) {
      itemNote(`The slug "${slug}" is taken by another article; it is "${slug}-${item.postId}".`)
      slug = `${slug}-${item.postId}`.slice(0, 80)
    }

    const req = await createLocalReq({ context }, payload)
    const started = await initTransaction(req)
    try {
      const tableIds: Ids = new Map()
      for (const table of body.tables) {
        const doc = await payload.create({
          collection: 'comparison-tables',
          data: {
            title: table.title,
            columns: table.columns,
            rows: table.rows.map((cells) => ({ cells: cells.map((value) => ({ value })) })),
          },
          ...base,
          req,
        })
        tableIds.set(table.key, doc.id)
      }
      const data = {
        headline,
        dek,
        slug,
        section: deskId,
        authors: byIds,
        tags: tagIds,
        ...(item.date && (status === 'published' || schedule) ? { publishedAt: item.date } : {}),
        commentsEnabled: item.commentStatus !== 'closed',
        ...(heroImage !== null ? { heroImage } : {}),
        body: sections.map((section) => ({
          heading: section.heading,
          content: toLexical(section.blocks, {
            tables: tableIds,
            faqs: new Map(),
            images: imageIds,
          }),
        })),
        importedFrom: { source, hash, ...importNotes(notes, name, existing?.importedFrom) },
        _status: status,
      }
      // Saving a draft over a live article only adds a version, and the old one stays public. A
      // post made private, password-protected or a draft again in WordPress since the last run
      // is taken down here too: saved as the article itself, not as a draft of it.
      const live =
        existing !== null &&
        (
          await payload.findByID({
            collection: 'articles',
            id: existing.id,
            draft: false,
            ...base,
            req,
          })
        )._status === 'published'
      if (live && status !== 'published') {
        itemNote(`It was public here and no longer is in ${origin.name}: unpublished.`)
      }
      const draft = status !== 'published' && !live
      const doc = existing
        ? await payload.update({
            collection: 'articles',
            id: existing.id,
            data,
            draft,
            ...base,
            req,
          })
        : await payload.create({ collection: 'articles', data, draft, ...base, req })
      if (existing) {
        const stale = (existing.embeddedTables ?? [])
          .map((table) => (typeof table === 'object' ? table.id : table))
          .filter((id) => ![...tableIds.values()].includes(id))
        if (stale.length > 0) {
          await payload.delete({
            collection: 'comparison-tables',
            where: { id: { in: stale } },
            ...base,
            req,
          })
        }
      }
      if (schedule) await scheduleOnce(payload, doc.id, schedule, req)
      await importComments(item, doc.id, req, itemNote, existing === null)
      if (started) await commitTransaction(req)
      await redirects(item, doc.id, status, name)
      if (existing) report.updated += 1
      else report.imported += 1
      options.onArticle?.({
        id: doc.id,
        headline,
        status: draft ? 'draft' : status,
        updated: Boolean(existing),
        position,
      })
      report.notes.push(...notes)
    } catch (error) {
      if (started) await killTransaction(req)
      if (error instanceof ValidationError || (error as { status?: number }).status === 400) {
        skip(item, `It could not be saved: ${messageOf(error)}`)
        return
      }
      throw error
    }
  }

  /**
   * Old addresses → the article, after its transaction (a refused redirect must not undo the
   * article). The redirects collection refuses a redirect to a page readers cannot see, so a
   * draft gets its redirects when a later run finds it published.
   */
  async function redirects(item: WpItem, id: number, status: unknown, name: string) {
    if (status !== 'published') return
    const reference = { relationTo: 'articles' as const, value: id }
    // Its live address is looked up once for all of them (the article does not change here).
    const req = await createLocalReq({ context: { ...context, livePaths: new Map() } }, payload)
    // The post's old addresses looked up together: most runs find them all there, or none.
    const paths = origin.oldPaths(item).flatMap((path) => {
      const normal = normaliseFromPath(path)
      return normal.ok ? [normal.path] : []
    })
    const { docs } = await payload.find({
      collection: 'redirects',
      where: { from: { in: [...new Set(paths)] } },
      pagination: false,
      ...base,
      req,
    })
    const known = new Map(docs.map((doc) => [doc.from, doc]))
    for (const path of new Set(paths)) await redirect(path, reference, name, req, known)
  }

  async function importComments(
    item: WpItem,
    articleId: number,
    req: PayloadRequest,
    itemNote: (message: string) => void,
    /** The article was made by this run: none of its comments can be here yet. */
    fresh = false,
  ) {
    const byId = new Map(item.comments.map((comment) => [comment.id, comment]))
    const ids = new Map<string, number>()
    // Parents first: WordPress lists comments by date, so a reply can come before its parent.
    const depth = (id: string, guard = 0): number => {
      const parent = byId.get(id)?.parent
      return parent && parent !== '0' && byId.has(parent) && guard < 50
        ? 1 + depth(parent, guard + 1)
        : 0
    }
    const ordered = [...item.comments].sort((a, b) => depth(a.id) - depth(b.id))
    let flattened = 0
    for (const comment of ordered) {
      if (comment.type && comment.type !== 'comment') {
        itemNote(`A ${comment.type} was left out (only comments are imported).`)
        continue
      }
      const key = `${origin.key}:${articleId}:${comment.id}`
      const { docs } = fresh
        ? { docs: [] }
        : await payload.find({
            collection: 'comments',
            where: { submissionKey: { equals: key } },
            limit: 1,
            pagination: false,
            ...base,
            req,
          })
      const status =
        comment.approved === '1' ? 'approved' : comment.approved === 'spam' ? 'spam' : 'pending'
      const known = docs[0]
      if (comment.approved === 'trash') {
        // Binned in WordPress since the last run: it goes here too.
        if (known) await payload.delete({ collection: 'comments', id: known.id, ...base, req })
        continue
      }
      if (known) {
        // Moderated in WordPress since the last run (approved, held, marked spam): the same here.
        if (known.status !== status) {
          await payload.update({
            collection: 'comments',
            id: known.id,
            data: { status },
            ...base,
            req,
          })
        }
        ids.set(comment.id, known.id)
        continue
      }
      // One level of replies: a reply to a reply answers the thread's first comment.
      let top = comment.parent
      let hops = 0
      while (
        top &&
        top !== '0' &&
        byId.get(top)?.parent &&
        byId.get(top)!.parent !== '0' &&
        hops < 50
      ) {
        top = byId.get(top)!.parent
        hops += 1
      }
      if (hops > 0) flattened += 1
      const parent = top && top !== '0' ? (ids.get(top) ?? null) : null
      const body = htmlToText(comment.content).slice(0, COMMENT_LIMIT)
      if (!body) continue
      const doc = await payload.create({
        collection: 'comments',
        data: {
          article: articleId,
          ...(parent !== null ? { parent } : {}),
          authorName: (htmlToText(comment.author) || 'Anonymous').slice(0, 80),
          email: validEmail(comment.email) ?? `comment-${comment.id}@${origin.key}-import.invalid`,
          body,
          status,
          ...(status === 'pending'
            ? { heldReasons: [`Awaiting moderation in ${origin.name}`] }
            : {}),
          submissionKey: key,
          ...(comment.date ? { createdAt: comment.date } : {}),
        },
        ...base,
        req,
      })
      report.created.comments += 1
      ids.set(comment.id, doc.id)
    }
    if (flattened > 0) {
      itemNote(
        `${flattened} deeper ${flattened === 1 ? 'reply answers' : 'replies answer'} the first comment of their thread (one level of replies).`,
      )
    }
  }

  // Items in flight, and each one's slug: two posts with one slug go one after the other (the
  // second finds the first's and takes another).
  const inFlight = new Set<Promise<void>>()
  const bySlug = new Map<string, Promise<void>>()
  let failure: unknown = null
  const settle = async (limit: number) => {
    while (inFlight.size > limit) await Promise.race(inFlight)
    if (failure) {
      // The run stops with its first error, once every post under way has finished.
      await Promise.allSettled(inFlight)
      throw failure
    }
  }
  let positions = 0
  const start = (item: WpItem) => {
    const position = positions++
    const key = slugify(decode(item.postName || htmlToText(item.title))) || `#${item.postId}`
    const before = bySlug.get(key) ?? Promise.resolve()
    const work: Promise<void> = before
      .then(() => importItem(item, position))
      .then(() => {
        report.done += 1
        options.onProgress?.(report)
      })
      .catch((error: unknown) => {
        if (failure) payload.logger.error({ err: error }, 'Import: another post failed too')
        failure ??= error
      })
      .finally(() => {
        inFlight.delete(work)
        if (bySlug.get(key) === work) bySlug.delete(key)
      })
    inFlight.add(work)
    bySlug.set(key, work)
  }
  const concurrency = Math.max(1, options.concurrency ?? env.IMPORT_CONCURRENCY)

  try {
    await readRecords()
  } finally {
    // An export that cannot be read further stops the run too, after the posts under way.
    await Promise.allSettled(inFlight)
  }
  await settle(0)
  return report

  async function readRecords() {
    for await (const record of records) {
      if (record.kind === 'item') {
        start(record.item)
        await settle(concurrency - 1)
        continue
      }
      // Everything else (the site, authors, categories, tags) with no post in flight.
      await settle(0)
      switch (record.kind) {
        case 'site':
          if (record.authoritative || !siteUrl) siteUrl = record.url.replace(/\/+$/, '')
          break
        case 'author':
          if (record.author.login) authors.set(record.author.login, record.author)
          break
        case 'category':
          if (record.category.nicename) categories.set(record.category.nicename, record.category)
          break
        case 'tag':
          if (record.tag.slug) await topic(record.tag.slug, record.tag.name)
          break
        case 'skipped':
          report.skipped += 1
          report.skippedItems.push({ item: record.item, reason: record.reason })
          report.done += 1
          options.onProgress?.(report)
      }
    }
  }
}

/** Runs the work it is given one at a time, in the order given (a failure does not stop the next). */
function oneAtATime() {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work)
    tail = run.catch(() => undefined)
    return run
  }
}

async function scheduleOnce(payload: Payload, id: number, when: string, req: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.doc.value': { equals: id } },
        { completedAt: { exists: false } },
      ],
    },
    limit: 10,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (docs.some((job) => new Date(String(job.waitUntil)).toISOString() === when)) return
  for (const job of docs) await payload.delete({ collection: 'payload-jobs', id: job.id, req })
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'articles', value: id } },
    waitUntil: new Date(when),
    req,
  })
}

/**
 * An item's report lines as the article keeps them (Imported from, beside the text): without
 * the item's name; still checked when a re-run finds the same lines, to be checked otherwise.
 */
function importNotes(
  notes: string[],
  name: string,
  before: { notes?: string | null; notesChecked?: boolean | null } | null | undefined,
): { notes: string | null; notesChecked: boolean } {
  const text =
    notes
      .map((note) => (note.startsWith(`${name}: `) ? note.slice(name.length + 2) : note))
      .join('\n') || null
  return { notes: text, notesChecked: Boolean(before?.notesChecked && before.notes === text) }
}

function sameReference(stored: unknown, to: RedirectReference): boolean {
  if (!stored || typeof stored !== 'object') return false
  const { relationTo, value } = stored as { relationTo?: string; value?: unknown }
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  return relationTo === to.relationTo && Number(id) === to.value
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function validEmail(value: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? value.trim().toLowerCase() : null
}

function label(item: WpItem): string {
  const title = htmlToText(item.title) || '(untitled)'
  const where = item.line > 0 ? ` (line ${item.line})` : ''
  return `${item.type || 'item'} ${item.postId || '?'} "${title.slice(0, 60)}"${where}`
}
