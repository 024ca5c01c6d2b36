import type { PayloadRequest } from 'payload'

import { env } from '@/env'
import { checkHref } from '@/lib/safeHref'
import { urls } from '@/lib/urls'

import type { ChecklistArticle, ChecklistLink, ChecklistSection } from './types'
import { idOf } from '@/lib/ids'

/** What the checklist needs of an article: saved, or as the editor is typing it. */
export interface ArticleInput {
  headline?: string | null
  dek?: string | null
  section?: unknown
  authors?: unknown
  heroImage?: unknown
  meta?: { description?: string | null; image?: unknown } | null
  importedFrom?: { notes?: string | null; notesChecked?: boolean | null } | null
  body?: { heading?: string | null; keywordFocus?: string[] | null; content?: unknown }[] | null
}

interface Node {
  type?: string
  text?: string
  url?: string
  fields?: {
    blockType?: string
    table?: unknown
    faqs?: unknown
    images?: unknown
    url?: string
    linkType?: string
    doc?: { relationTo?: string; value?: unknown } | null
  }
  relationTo?: string
  value?: unknown
  children?: Node[]
}

/** A node's children; a hand-made request may send anything there. */
const childrenOf = (node: Node): Node[] =>
  Array.isArray(node.children)
    ? node.children.filter((child) => typeof child === 'object' && child !== null)
    : []

type RawLink = Omit<ChecklistLink, 'target'> & { articleId?: number; path?: string }

/** Paragraph texts, embeds, images and links of one section's Lexical text. */
function walk(content: unknown, section: number) {
  const where = `section ${section}`
  const paragraphs: string[] = []
  const tables: number[] = []
  const images: { id: number; where: string }[] = []
  const links: RawLink[] = []
  let embeds = 0
  const textOf = (node: Node): string =>
    typeof node.text === 'string' ? node.text : childrenOf(node).map(textOf).join('')
  const visit = (node: Node | undefined): void => {
    if (!node || typeof node !== 'object') return
    if (node.type === 'block') {
      embeds += 1
      if (node.fields?.blockType === 'comparisonTable') {
        const id = idOf(node.fields.table)
        if (id !== null) tables.push(id)
      }
      if (node.fields?.blockType === 'gallery' && Array.isArray(node.fields.images)) {
        node.fields.images.forEach((item: { image?: unknown } | null, index: number) => {
          const id = idOf(item?.image)
          if (id !== null)
            images.push({ id, where: `image ${index + 1} of the gallery in ${where}` })
        })
      }
      return
    }
    if (node.type === 'upload') {
      const id = idOf(node.value)
      if (id !== null) images.push({ id, where: `image in ${where}` })
      return
    }
    if (node.type === 'link' || node.type === 'autolink') {
      const fields = node.fields ?? {}
      if (fields.linkType === 'internal' && fields.doc?.relationTo === 'articles') {
        const id = idOf(fields.doc.value)
        if (id !== null) links.push({ href: textOf(node) || `article ${id}`, where, articleId: id })
      } else if (typeof fields.url === 'string') {
        const check = checkHref(fields.url)
        const text = textOf(node)
        links.push(
          check.ok
            ? { href: fields.url, text, where, section, path: sitePath(fields.url) }
            : { href: fields.url, text, where, section, refused: check.reason },
        )
      }
    }
    if (node.type === 'paragraph' || node.type === 'listitem' || node.type === 'quote') {
      const text = textOf(node).trim()
      if (text) paragraphs.push(text)
      if (node.type !== 'listitem') {
        childrenOf(node).forEach((child) =>
          child.type === 'link' || child.type === 'autolink' ? visit(child) : undefined,
        )
        return
      }
    }
    childrenOf(node).forEach(visit)
  }
  visit((content as { root?: Node } | null)?.root)
  return { paragraphs, tables, images, links, embeds }
}

/** The site path of a link to this site (`/desk/slug`), or undefined for anywhere else. */
function sitePath(href: string): string | undefined {
  if (href.startsWith('/') && !href.startsWith('//')) return href.replace(/[?#].*$/, '')
  try {
    const url = new URL(href)
    return url.origin === new URL(env.NEXT_PUBLIC_SERVER_URL).origin ? url.pathname : undefined
  } catch {
    return undefined
  }
}

/**
 * The rows of an array field. The admin's form sends an array it has no rows for yet as its row
 * count (`body: 0` on a new article), and a typed-in request may send anything.
 */
function rowsOf<T>(value: readonly T[] | null | undefined | unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : []
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * Looks up what the rules need (table notes and dates, image alt texts,
 * whether linked articles are live) and returns the snapshot they check.
 */
export async function snapshotArticle(
  input: ArticleInput,
  req: PayloadRequest,
): Promise<ChecklistArticle> {
  const { payload } = req
  const sections: ChecklistSection[] = []
  const tableIds: number[] = []
  const imageUses: { id: number; where: string }[] = []
  const rawLinks: RawLink[] = []
  type Row = NonNullable<ArticleInput['body']>[number]
  const rows = rowsOf<Row>(input.body).filter(
    (row): row is Row => typeof row === 'object' && row !== null,
  )
  for (const [index, section] of rows.entries()) {
    const found = walk(section.content, index + 1)
    sections.push({
      heading: text(section.heading),
      keywordFocus: rowsOf(section.keywordFocus).filter(
        (keyword): keyword is string => typeof keyword === 'string' && keyword.trim() !== '',
      ),
      paragraphs: found.paragraphs,
      embeds: found.embeds,
    })
    tableIds.push(...found.tables)
    imageUses.push(...found.images)
    rawLinks.push(...found.links)
  }
  const hero = idOf(input.heroImage)
  if (hero !== null) imageUses.unshift({ id: hero, where: 'hero image' })
  const share = idOf(input.meta?.image)
  if (share !== null) imageUses.push({ id: share, where: 'share image' })

  const [tables, media] = await Promise.all([
    tableIds.length
      ? payload.find({
          collection: 'comparison-tables',
          where: { id: { in: [...new Set(tableIds)] } },
          select: { title: true, sourceNote: true, asOf: true },
          pagination: false,
          depth: 0,
          req,
        })
      : null,
    imageUses.length
      ? payload.find({
          collection: 'media',
          where: { id: { in: [...new Set(imageUses.map((use) => use.id))] } },
          select: { alt: true },
          pagination: false,
          depth: 0,
          req,
        })
      : null,
  ])
  const altOf = new Map((media?.docs ?? []).map((doc) => [doc.id, doc.alt ?? null]))
  const links = await resolveLinks(rawLinks, req)

  return {
    headline: text(input.headline),
    dek: text(input.dek),
    hasDesk: idOf(input.section) !== null,
    bylines: rowsOf(input.authors).filter((author) => idOf(author) !== null).length,
    metaDescription: text(input.meta?.description).trim() || text(input.dek),
    importNotes: input.importedFrom?.notesChecked
      ? 0
      : text(input.importedFrom?.notes)
          .split('\n')
          .filter((line) => line.trim()).length,
    sections,
    images: imageUses.map((use) => ({ where: use.where, alt: altOf.get(use.id) ?? null })),
    tables: (tables?.docs ?? []).map((table) => ({
      title: table.title,
      sourceNote: table.sourceNote ?? null,
      asOf: table.asOf ? String(table.asOf).slice(0, 10) : null,
    })),
    links,
  }
}

async function resolveLinks(raw: RawLink[], req: PayloadRequest): Promise<ChecklistLink[]> {
  const slugs = raw
    .map((link) => link.path?.split('/').filter(Boolean))
    .filter((parts): parts is string[] => parts?.length === 2)
    .map((parts) => parts[1]!)
  const ids = raw.map((link) => link.articleId).filter((id): id is number => id !== undefined)
  if (slugs.length === 0 && ids.length === 0) {
    return raw.map(({ articleId: _id, path: _path, ...link }) => ({ ...link, target: 'external' }))
  }
  const found = await req.payload.find({
    collection: 'articles',
    where: { or: [{ slug: { in: slugs } }, { id: { in: ids } }] },
    select: { slug: true, section: true, _status: true },
    populate: { sections: { slug: true } },
    depth: 1,
    pagination: false,
    // As the person checking may see them: another author's unpublished article is "no such article".
    overrideAccess: false,
    user: req.user,
    req,
  })
  const byId = new Map(found.docs.map((doc) => [doc.id, doc]))
  const byPath = new Map(found.docs.map((doc) => [urls.article(doc), doc]))
  return raw.map((link): ChecklistLink => {
    const { articleId: _id, path: _path, ...base } = link
    if (link.articleId !== undefined) {
      const doc = byId.get(link.articleId)
      return {
        ...base,
        target: !doc ? 'missing' : doc._status === 'published' ? 'published' : 'unpublished',
      }
    }
    const parts = link.path?.split('/').filter(Boolean)
    // Only /{desk}/{slug} addresses are articles; other paths on the site are pages.
    if (
      !link.path ||
      parts?.length !== 2 ||
      ['tags', 'authors', 'feeds', 'og'].includes(parts[0]!)
    ) {
      return { ...base, target: 'external' }
    }
    const doc = byPath.get(link.path)
    return {
      ...base,
      target: !doc ? 'missing' : doc._status === 'published' ? 'published' : 'unpublished',
    }
  })
}
