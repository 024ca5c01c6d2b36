import { createHash } from 'node:crypto'
import path from 'node:path'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type RequiredDataFromCollectionSlug,
  type TypedUser,
  ValidationError,
} from 'payload'

import { settleEmbeds } from '@/embeds/resolve'
import { slugify } from '@/lib/slugify'
import { plainTextToLexical, toLexical } from '@/seed/lexical'

import type { BodyOptions } from './body'
import { frontMatterDate, parseMarkdown } from './markdown'
import { mediaLibrary, type MediaSource, settleImages } from './media'
import { parsePlainText } from './plainText'
import { formatProblem, type ImportProblem, ImportRefused, Report } from './problems'
import type { ImportedArticle, NamedRef } from './types'

export { ImportRefused, formatProblem, type ImportProblem } from './problems'

export const MAX_IMPORT_BYTES = 1024 * 1024
const DEK_LIMIT = 300
const HEADLINE_LIMIT = 160

export interface ImportOptions {
  /** The file's name: ".md"/".markdown" is Markdown, ".txt" plain text; otherwise guessed. */
  filename: string
  text: string
  /** Who imports: their role decides what they may create. Omitted (the CLI), no checks apply. */
  user?: TypedUser | null
  /** A desk (slug or name) for files that name none, or name one that does not exist. */
  section?: string | null
  /** The old site's address: relative links resolve against it. */
  baseUrl?: string | null
  /**
   * Where the file's images come from: addresses relative to the file (and /paths) from
   * `folder` (reading `root`: the file's folder, or the one a folder import was given),
   * `base` being the file's place in it as an http://markdown.invalid/… address; each is
   * remembered as a file:// address, so two folders' images/a.png stay two images. Full
   * addresses come from
   * `web` (--fetch-media), if given. Without it, images stay their alt text.
   */
  images?: { folder: MediaSource; root: string; base: string; web: MediaSource | null }
  /**
   * Where the article came from (`importedFrom.source`), "file: <name>" by default. A folder
   * import gives each file's path, so a second run finds what the first imported.
   */
  source?: string
}

export interface ImportResult {
  id: number
  headline: string
  /**
   * What the import could not carry exactly, line by line: also stored with the draft
   * (Imported from, in its sidebar), where the publish checklist flags it until checked.
   */
  notes: ImportProblem[]
  /** A folder import's second run: the file was imported before and the draft left as it is. */
  existing?: 'unchanged' | 'changed'
}

function isMarkdown(filename: string, text: string): boolean {
  if (/\.(md|markdown|mdown)$/i.test(filename)) return true
  if (/\.txt$/i.test(filename)) return false
  return /^---\s*$/m.test(text.split('\n')[0] ?? '') || /^##\s/m.test(text)
}

/** What the file says, parsed; problems and notes go to `report`. */
export function parseArticleFile(
  filename: string,
  text: string,
  report: Report,
  options: BodyOptions = {},
): ImportedArticle {
  const refuse = (message: string) => {
    report.problem(null, message)
    return parsePlainText('', new Report())
  }
  if (text.includes('\u0000')) return refuse('This is not a text file.')
  if (/\.json$/i.test(filename)) {
    return refuse('This is a JSON file: a Ghost export comes in with npm run import:ghost.')
  }
  if (/\.(xml|wxr)$/i.test(filename) || /^\s*<\?xml/.test(text)) {
    return refuse('This is an XML file: a WordPress export comes in with npm run import:wordpress.')
  }
  if (/\.(html?|docx?|pdf|rtf|odt)$/i.test(filename)) {
    return refuse('This is not a Markdown or plain-text file (.md, .markdown or .txt).')
  }
  return isMarkdown(filename, text)
    ? parseMarkdown(text, report, options)
    : parsePlainText(text, report)
}

/** The first sentence(s) of the text, within the dek's length, for a file with no dek. */
export function dekFrom(text: string | null): string | null {
  if (!text) return null
  if (text.length <= DEK_LIMIT) return text
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? []
  let dek = ''
  for (const sentence of sentences) {
    if ((dek + sentence).trim().length > DEK_LIMIT) break
    dek += sentence
  }
  return dek.trim() || `${text.slice(0, DEK_LIMIT - 1).replace(/\s+\S*$/, '')}…`
}

type Named = { id: number; name?: string | null; slug?: string | null }

async function lookup(
  payload: Payload,
  collection: 'sections' | 'authors' | 'tags',
  refs: NamedRef[],
  report: Report,
  what: string,
): Promise<number[]> {
  if (refs.length === 0) return []
  const { docs } = await payload.find({
    collection,
    where: {
      or: [
        { slug: { in: refs.map((ref) => slugify(ref.value)) } },
        { name: { in: refs.map((ref) => ref.value) } },
      ],
    },
    depth: 0,
    limit: 200,
    pagination: false,
  })
  const found = docs as Named[]
  return refs.flatMap((ref) => {
    const match = found.find(
      (doc) =>
        doc.slug === slugify(ref.value) || doc.name?.toLowerCase() === ref.value.toLowerCase(),
    )
    if (!match) {
      report.note(
        ref.line,
        `No ${what} called "${ref.value}" exists, so it was left out: add it in the admin, then to the article.`,
      )
      return []
    }
    return [match.id]
  })
}

/** "2024-01-15-tidal-power.md" → "Tidal power": a headline for a file that gives none. */
export function headlineFromFilename(filename: string): string {
  const stem = path
    .basename(filename)
    .replace(/\.[^.]+$/, '')
    .replace(/^\d{4}-\d{2}-\d{2}[-_]/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
  return stem ? stem[0]!.toUpperCase() + stem.slice(1) : 'Untitled import'
}

/**
 * Imports a Markdown or plain-text article as a **draft**, with its tables and
 * FAQs, all in one transaction. What the file says that cannot be carried
 * exactly is imported as well as it can be and reported line by line (the
 * result's `notes`, kept with the draft); only a file that cannot be read at
 * all — not text, too large, empty — or that cannot be saved is refused
 * (`ImportRefused`), and nothing is saved then.
 */
export async function importArticle(
  payload: Payload,
  options: ImportOptions,
): Promise<ImportResult> {
  const report = new Report()
  if (Buffer.byteLength(options.text) > MAX_IMPORT_BYTES) {
    throw new ImportRefused([
      { line: null, message: `The file is over ${MAX_IMPORT_BYTES / 1024} KB; split it.` },
    ])
  }
  if (!options.text.trim()) throw new ImportRefused([{ line: null, message: 'The file is empty.' }])
  const article = parseArticleFile(options.filename, options.text, report, {
    baseUrl: options.baseUrl,
    images: Boolean(options.images),
  })
  report.refuseIfProblems()

  const source = options.source ?? `file: ${path.basename(options.filename)}`.slice(0, 500)
  const hash = createHash('sha256').update(options.text).digest('hex')
  if (options.source) {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { 'importedFrom.source': { equals: source } },
      draft: true,
      depth: 0,
      limit: 1,
      pagination: false,
      select: { headline: true, importedFrom: true },
    })
    const found = docs[0]
    if (found) {
      return {
        id: found.id,
        headline: found.headline,
        notes: [],
        existing: found.importedFrom?.hash === hash ? 'unchanged' : 'changed',
      }
    }
  }

  let headline = article.headline?.trim() ?? ''
  if (!headline) {
    headline = headlineFromFilename(options.filename)
    report.note(1, `The file has no title; the headline "${headline}" was made from its name.`)
  }
  if (headline.length > HEADLINE_LIMIT) {
    report.note(1, `The headline was cut to ${HEADLINE_LIMIT} characters.`)
    headline = `${headline.slice(0, HEADLINE_LIMIT - 1)}…`
  }
  let dek = article.dek ?? ''
  if (!dek) {
    dek = dekFrom(article.firstParagraph) ?? ''
    if (dek)
      report.note(null, 'The file has no dek; the first paragraph’s opening was used. Check it.')
    else report.note(null, 'The file has no dek: write one before publishing.')
  } else if (dek.length > DEK_LIMIT) {
    report.note(null, `The dek was cut to ${DEK_LIMIT} characters; check its end.`)
    dek = dekFrom(dek)!
  }
  // Jekyll names a post's file by its date and slug (2024-05-02-quay-cranes.md), and its
  // address comes from them: kept, so the old address maps onto the new one.
  const jekyll = /^(\d{4}-\d{2}-\d{2})-(.+)\.(md|markdown|mdown)$/i.exec(
    path.basename(options.filename),
  )
  const slug = article.slug ?? (jekyll ? jekyll[2]! : null)
  const date = article.date ?? (jekyll ? frontMatterDate(jekyll[1]) : null)
  if (!article.slug && jekyll) {
    report.note(null, `The slug "${slugify(jekyll[2]!)}" was taken from the file's name.`)
  }
  if (!article.date && date)
    report.note(null, `The date ${jekyll![1]} was taken from the file's name.`)
  const [named, chosen, authorIds, tagIds] = await Promise.all([
    lookup(payload, 'sections', article.section ? [article.section] : [], report, 'desk'),
    lookup(
      payload,
      'sections',
      options.section ? [{ value: options.section, line: null }] : [],
      report,
      'desk',
    ),
    lookup(payload, 'authors', article.bylines, report, 'byline'),
    lookup(payload, 'tags', article.tags, report, 'topic'),
  ])
  const deskId = named[0] ?? chosen[0] ?? null
  if (deskId === null)
    report.note(null, 'The article has no desk yet: choose one before publishing.')
  else if (article.section && !named[0])
    report.note(article.section.line, 'It was filed under the desk chosen for the import instead.')
  if (authorIds.length === 0) {
    report.note(null, 'The article has no byline yet: add one before publishing.')
  }
  // Images first, outside the transaction: their files are written to storage.
  const images = options.images ? await bringImages(payload, options.images, article, report) : null
  if (article.heroImage && !images) {
    report.note(
      article.heroImage.line,
      `The image "${article.heroImage.src.slice(0, 80)}" was not brought in: add a hero image in the admin.`,
    )
  }
  const sections = await settleEmbeds(
    payload,
    images ? settleImages(article.sections, article.images, images.ids) : article.sections,
    options.images?.web?.web,
    (message) => report.note(null, message),
  )

  const user = options.user ?? null
  // Embeds were resolved above (with --fetch-media) or wait for an editor's save.
  const req = await createLocalReq(
    { user: user ?? undefined, context: { skipEmbeds: true } },
    payload,
  )
  const access = { req, user, overrideAccess: !user, depth: 0 } as const
  const started = await initTransaction(req)
  try {
    const tables = new Map<string, number>()
    for (const table of article.tables) {
      const doc = await payload.create({
        ...access,
        collection: 'comparison-tables',
        data: {
          title: table.title,
          columns: table.columns,
          rows: table.rows.map((cells) => ({ cells: cells.map((value) => ({ value })) })),
          sourceNote: table.sourceNote,
          asOf: table.asOf,
        },
      })
      tables.set(table.key, doc.id)
    }
    const faqs = new Map<string, number>()
    for (const faq of article.faqs) {
      const doc = await payload.create({
        ...access,
        collection: 'faqs',
        data: { question: faq.question, answer: plainTextToLexical(faq.answer) },
      })
      faqs.set(faq.key, doc.id)
    }
    const notes = [...report.notes].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    const doc = await payload.create({
      ...access,
      collection: 'articles',
      draft: true,
      data: {
        _status: 'draft',
        headline,
        dek,
        breaking: article.breaking,
        ...(slug ? { slug: slugify(slug) } : {}),
        ...(deskId !== null ? { section: deskId } : {}),
        authors: authorIds,
        tags: tagIds,
        ...(date ? { publishedAt: date } : {}),
        ...(images?.hero ? { heroImage: images.hero } : {}),
        body: sections.map((section) => ({
          heading: section.heading,
          keywordFocus: section.keywordFocus,
          content: toLexical(section.blocks, { tables, faqs, images: images?.ids }),
        })),
        importedFrom: {
          source,
          hash,
          notes: notes.length ? notes.map(formatProblem).join('\n') : null,
          notesChecked: false,
        },
      } as RequiredDataFromCollectionSlug<'articles'>,
    })
    if (started) await commitTransaction(req)
    return { id: doc.id, headline: doc.headline, notes }
  } catch (error) {
    if (started) await killTransaction(req)
    if (error instanceof ValidationError) {
      throw new ImportRefused(
        error.data.errors.map((detail) => ({
          line: null,
          message: `The article could not be saved: ${detail.path} — ${detail.message}`,
        })),
      )
    }
    throw error
  }
}

/**
 * The file's images as Media (see mediaLibrary): its body images by key, and its front
 * matter's image as the hero. One that cannot be had is noted on its line and stays its
 * alt text.
 */
async function bringImages(
  payload: Payload,
  sources: NonNullable<ImportOptions['images']>,
  article: ImportedArticle,
  report: Report,
): Promise<{ ids: Map<string, number>; hero: number | null }> {
  const root = path.resolve(sources.root)
  const local = mediaLibrary(payload, sources.folder, {
    addressOf: (url) => {
      let file = url.pathname
      try {
        file = decodeURIComponent(file)
      } catch {
        // Kept as written: the folder refuses it anyway.
      }
      return `file://${root}${file}`
    },
  })
  const web = sources.web ? mediaLibrary(payload, sources.web) : null
  const here = new URL(sources.base).origin
  const bring = async (src: string, alt: string, caption: string, line: number | null) => {
    let url: URL
    try {
      url = new URL(src, sources.base)
    } catch {
      report.note(
        line,
        `The image "${src.slice(0, 80)}" has no usable address; its alt text was kept.`,
      )
      return null
    }
    const note = (message: string) => report.note(line, message)
    if (url.origin === here) return local.image(url, { alt, caption }, note)
    if (!web) {
      report.note(
        line,
        `The image ${url.href.slice(0, 90)} was not fetched (--fetch-media fetches images from the web); its alt text was kept.`,
      )
      return null
    }
    return web.image(url, { alt, caption }, note)
  }
  const ids = new Map<string, number>()
  for (const ref of article.images) {
    const id = await bring(ref.src, ref.alt, ref.caption, ref.line ?? null)
    if (id !== null) ids.set(ref.key, id)
  }
  const hero = article.heroImage
    ? await bring(article.heroImage.src, article.heroImage.alt, '', article.heroImage.line)
    : null
  return { ids, hero }
}
