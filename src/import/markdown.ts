import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'

import { parseBody, parseLooseDate } from './body'
import type { Report } from './problems'
import type { ImportedArticle, NamedRef } from './types'

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/

/** Front matter keys, with the spellings other tools use. */
const KEYS: Record<string, string> = {
  headline: 'headline',
  title: 'headline',
  dek: 'dek',
  description: 'dek',
  summary: 'dek',
  byline: 'byline',
  author: 'byline',
  authors: 'byline',
  section: 'section',
  desk: 'section',
  category: 'section',
  date: 'date',
  published: 'date',
  tags: 'tags',
  topics: 'tags',
  slug: 'slug',
  breaking: 'breaking',
}

type Meta = Omit<ImportedArticle, 'sections' | 'tables' | 'faqs' | 'firstParagraph'>

export function emptyMeta(): Meta {
  return {
    headline: null,
    dek: null,
    breaking: false,
    slug: null,
    section: null,
    bylines: [],
    tags: [],
    date: null,
  }
}

/** "2025-12-05" (09:00 UTC) or "2025-12-05T14:30" (UTC): an ISO timestamp, or null. */
export function frontMatterDate(text: string): string | null {
  const day = parseLooseDate(text)
  if (!day) return null
  const rest = text.trim().slice(10)
  if (rest === '') return `${day}T09:00:00.000Z`
  const time = /^[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]00:?00)?$/.exec(rest)
  if (!time || !/^\d{4}-\d{2}-\d{2}$/.test(text.trim().slice(0, 10))) return null
  const [hours, minutes, seconds = '00'] = [time[1]!, time[2]!, time[3]]
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null
  return `${day}T${hours}:${minutes}:${seconds}.000Z`
}

function names(value: unknown, line: number): NamedRef[] {
  const list = Array.isArray(value) ? value : String(value ?? '').split(/,| and /)
  return list
    .map((item) => String(item ?? '').trim())
    .filter(Boolean)
    .map((item) => ({ value: item, line }))
}

/** Reads YAML front matter; every key it does not know is reported with its line. */
function frontMatter(yamlText: string, report: Report): Meta {
  const meta = emptyMeta()
  const lineCounter = new LineCounter()
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false })
  // Front matter starts on the file's line 2 (after the opening ---).
  const lineOf = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line + 1
  for (const error of document.errors) {
    report.problem(lineOf(error.pos[0]), `Front matter: ${error.message.split('\n')[0]}`)
  }
  if (document.errors.length) return meta
  const contents = document.contents
  if (contents === null) return meta
  if (!isMap(contents)) {
    report.problem(2, 'Front matter must be "key: value" lines.')
    return meta
  }
  for (const pair of contents.items) {
    const keyText = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined)
    const key = KEYS[keyText.toLowerCase()]
    const node = pair.value
    const value = isSeq(node) || isMap(node) ? node.toJSON() : isScalar(node) ? node.value : null
    const text = typeof value === 'string' ? value.trim() : value === null ? '' : String(value)
    switch (key) {
      case 'headline':
        meta.headline = text || null
        break
      case 'dek':
        meta.dek = text || null
        break
      case 'byline':
        meta.bylines = names(value, line)
        break
      case 'tags':
        meta.tags = names(value, line).flatMap((ref) =>
          ref.value.split(',').map((part) => ({ value: part.trim(), line })),
        )
        break
      case 'section':
        meta.section = text ? { value: text, line } : null
        break
      case 'slug':
        meta.slug = text || null
        break
      case 'breaking':
        if (typeof value !== 'boolean') report.problem(line, '"breaking" must be true or false.')
        else meta.breaking = value
        break
      case 'date': {
        meta.date = frontMatterDate(text)
        if (!meta.date) {
          report.problem(
            line,
            `"${text}" is not a date (write it as 2025-12-05 or 2025-12-05T14:30).`,
          )
        }
        break
      }
      default:
        report.problem(
          line,
          `Unknown front matter field "${keyText}" (known: headline, dek, byline, section, date, tags, slug, breaking).`,
        )
    }
  }
  return meta
}

/**
 * A Markdown article: optional YAML front matter (headline, dek, byline,
 * section, date, tags, slug, breaking), then the text with `##` sections.
 */
export function parseMarkdown(text: string, report: Report): ImportedArticle {
  const match = FRONT_MATTER.exec(text)
  const meta = match ? frontMatter(match[1]!, report) : emptyMeta()
  const offset = match ? match[0].split('\n').length - 1 : 0
  const body = parseBody(
    match ? text.slice(match[0].length) : text,
    (line) => line + offset,
    report,
    meta.headline,
  )
  return {
    ...meta,
    headline: meta.headline ?? body.headline,
    sections: body.sections,
    tables: body.tables,
    faqs: body.faqs,
    firstParagraph: body.firstParagraph,
  }
}
