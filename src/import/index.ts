import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type TypedUser,
  ValidationError,
} from 'payload'

import { slugify } from '@/lib/slugify'
import { plainTextToLexical, toLexical } from '@/seed/lexical'

import { parseMarkdown } from './markdown'
import { parsePlainText } from './plainText'
import { type ImportProblem, ImportRefused, Report } from './problems'
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
  /** A desk (slug or name) for files that name none. */
  section?: string | null
}

export interface ImportResult {
  id: number
  headline: string
  /** Things worth knowing that did not stop the import, e.g. a dek taken from the text. */
  notes: ImportProblem[]
}

function isMarkdown(filename: string, text: string): boolean {
  if (/\.(md|markdown|mdown)$/i.test(filename)) return true
  if (/\.txt$/i.test(filename)) return false
  return /^---\s*$/m.test(text.split('\n')[0] ?? '') || /^##\s/m.test(text)
}

/** What the file says, parsed; problems and notes go to `report`. */
export function parseArticleFile(filename: string, text: string, report: Report): ImportedArticle {
  if (text.includes('\u0000')) {
    report.problem(null, 'This is not a text file.')
    return parsePlainText('', new Report())
  }
  return isMarkdown(filename, text) ? parseMarkdown(text, report) : parsePlainText(text, report)
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
      report.problem(
        ref.line,
        `No ${what} called "${ref.value}": add it in the admin first or correct the name.`,
      )
      return []
    }
    return [match.id]
  })
}

/**
 * Imports a Markdown or plain-text article as a **draft**: its tables and FAQs
 * are created alongside it, all in one transaction. Anything the file says that
 * cannot be understood refuses the whole import with a line-by-line report
 * (`ImportRefused`); nothing is saved then.
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
  const article = parseArticleFile(options.filename, options.text, report)

  const headline = article.headline?.trim() ?? ''
  if (!headline)
    report.problem(1, 'No headline: give one in front matter ("headline:") or as a "# " title.')
  if (headline.length > HEADLINE_LIMIT) {
    report.problem(1, `The headline is ${headline.length} characters; at most ${HEADLINE_LIMIT}.`)
  }
  let dek = article.dek
  if (!dek) {
    dek = dekFrom(article.firstParagraph)
    if (dek)
      report.note(null, 'The file has no dek; the first paragraph’s opening was used. Check it.')
    else report.problem(null, 'No dek: give one in front matter ("dek:").')
  } else if (dek.length > DEK_LIMIT) {
    report.problem(null, `The dek is ${dek.length} characters; at most ${DEK_LIMIT}.`)
  }
  const deskRef =
    article.section ?? (options.section ? { value: options.section, line: null } : null)
  if (!deskRef)
    report.problem(null, 'No desk: give one in front matter ("section:") or choose one.')
  if (article.bylines.length === 0) {
    report.problem(null, 'No byline: give one in front matter ("byline:") or a "By …" line.')
  }
  const [deskIds, authorIds, tagIds] = await Promise.all([
    lookup(payload, 'sections', deskRef ? [deskRef] : [], report, 'desk'),
    lookup(payload, 'authors', article.bylines, report, 'byline'),
    lookup(payload, 'tags', article.tags, report, 'topic'),
  ])
  report.refuseIfProblems()

  const user = options.user ?? null
  const req = await createLocalReq({ user: user ?? undefined }, payload)
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
    const doc = await payload.create({
      ...access,
      collection: 'articles',
      draft: true,
      data: {
        _status: 'draft',
        headline,
        dek: dek!,
        breaking: article.breaking,
        ...(article.slug ? { slug: slugify(article.slug) } : {}),
        section: deskIds[0]!,
        authors: authorIds,
        tags: tagIds,
        ...(article.date ? { publishedAt: article.date } : {}),
        body: article.sections.map((section) => ({
          heading: section.heading,
          keywordFocus: section.keywordFocus,
          content: toLexical(section.blocks, { tables, faqs }),
        })),
      },
    })
    if (started) await commitTransaction(req)
    return { id: doc.id, headline: doc.headline, notes: report.notes }
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
