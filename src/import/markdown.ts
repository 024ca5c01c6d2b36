import { parse as parseToml, TomlError } from 'smol-toml'
import { LineCounter, parseDocument } from 'yaml'

import { type BodyOptions, parseBody, parseLooseDate } from './body'
import type { Report } from './problems'
import type { ImportedArticle, NamedRef } from './types'

/**
 * A Markdown article as static-site generators write them (Jekyll, Hugo, Hexo,
 * Astro, Eleventy, a Ghost or WordPress export to Markdown): front matter in
 * YAML (`---`, or bare `key: value` lines up to a `---`), TOML (`+++`) or JSON
 * (`{ … }`), with the field names those tools use, then the text. A field with
 * no place in an article is noted, never silently dropped; front matter that
 * cannot be read is noted and the text still imported.
 */

type Field =
  | 'headline'
  | 'dek'
  | 'byline'
  | 'section'
  | 'categories'
  | 'date'
  | 'tags'
  | 'slug'
  | 'permalink'
  | 'breaking'
  | 'draft'
  | 'image'
  | 'updated'
  | 'aliases'

/** Front matter keys (lower case, without "_" and "-"), with the spellings other tools use. */
const KEYS: Record<string, Field> = {
  headline: 'headline',
  title: 'headline',
  dek: 'dek',
  description: 'dek',
  summary: 'dek',
  excerpt: 'dek',
  subtitle: 'dek',
  lede: 'dek',
  byline: 'byline',
  author: 'byline',
  authors: 'byline',
  section: 'section',
  desk: 'section',
  category: 'section',
  categories: 'categories',
  date: 'date',
  published: 'date',
  publishdate: 'date',
  pubdate: 'date',
  publishedat: 'date',
  created: 'date',
  tags: 'tags',
  topics: 'tags',
  keywords: 'tags',
  slug: 'slug',
  permalink: 'permalink',
  url: 'permalink',
  breaking: 'breaking',
  draft: 'draft',
  image: 'image',
  cover: 'image',
  coverimage: 'image',
  featuredimage: 'image',
  heroimage: 'image',
  hero: 'image',
  thumbnail: 'image',
  banner: 'image',
  ogimage: 'image',
  lastmod: 'updated',
  updated: 'updated',
  modified: 'updated',
  lastmodifiedat: 'updated',
  updatedat: 'updated',
  aliases: 'aliases',
  redirectfrom: 'aliases',
}

/** Which spelling of a field wins when a file gives several (a dek over a description…). */
const DEK_ORDER = ['dek', 'description', 'summary', 'excerpt', 'lede', 'subtitle']

type Meta = Omit<ImportedArticle, 'sections' | 'tables' | 'faqs' | 'firstParagraph' | 'images'>

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
    heroImage: null,
  }
}

/**
 * "2025-12-05" (09:00 UTC), "2025-12-05T14:30" (UTC), "2025-12-05 14:30:00 +0100",
 * "2025-12-05T14:30:00-05:00": an ISO timestamp, or null.
 */
export function frontMatterDate(value: unknown): string | null {
  // TOML's dates are Dates (whose own toISOString keeps the offset): the instant, in UTC.
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : new Date(value.getTime()).toISOString()
  }
  const text = String(value ?? '').trim()
  const day = parseLooseDate(text)
  if (!day) return null
  const rest = text.slice(10)
  if (rest === '') return `${day}T09:00:00.000Z`
  const time = /^[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(rest)
  if (!time || !/^\d{4}-\d{2}-\d{2}$/.test(text.slice(0, 10))) return null
  const [hours, minutes, seconds = '00', zone = 'Z'] = [time[1]!, time[2]!, time[3], time[4]]
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  const date = new Date(`${day}T${hours}:${minutes}:${seconds}${offset}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

interface FrontMatter {
  format: 'YAML' | 'TOML' | 'JSON'
  /** The front matter's own text. */
  text: string
  /** The file's line its text starts on. */
  firstLine: number
  /** How many of the file's lines it takes, fences included. */
  lines: number
}

const YAML_FENCED = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
const TOML_FENCED = /^\+\+\+[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?\+\+\+[ \t]*(?:\r?\n|$)/
const BARE_KEY = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/

function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
}

/** The file's front matter, in whichever of the three forms it uses; null when it has none. */
function findFrontMatter(text: string): FrontMatter | null {
  for (const [format, fence] of [
    ['YAML', YAML_FENCED],
    ['TOML', TOML_FENCED],
  ] as const) {
    const match = fence.exec(text)
    if (match) return { format, text: match[1] ?? '', firstLine: 2, lines: countLines(match[0]) }
  }
  const lines = text.split('\n')
  if (lines[0]?.trim() === '{') {
    // JSON (Hugo): the object ends at the first closing brace line that makes it whole.
    for (let end = 1; end < Math.min(lines.length, 500); end++) {
      if (lines[end]!.trim() !== '}') continue
      const candidate = lines.slice(0, end + 1).join('\n')
      try {
        JSON.parse(candidate)
        return { format: 'JSON', text: candidate, firstLine: 1, lines: end + 1 }
      } catch {
        // Not the end yet.
      }
    }
    return null
  }
  if (BARE_KEY.test(lines[0] ?? '')) {
    // YAML without its opening "---": "key: value" lines up to a "---" line.
    const end = lines.findIndex((line) => line.trim() === '---')
    if (end > 0 && end < 200) {
      const candidate = lines.slice(0, end).join('\n')
      const document = parseDocument(candidate)
      if (document.errors.length === 0 && document.contents && 'items' in document.contents) {
        return { format: 'YAML', text: candidate, firstLine: 1, lines: end + 1 }
      }
    }
  }
  return null
}

/** The front matter as data, or null with the reason (and its line) noted. */
function readFrontMatter(found: FrontMatter, report: Report): Record<string, unknown> | null {
  const unreadable = (line: number | null, reason: string) => {
    report.note(
      line,
      `The ${found.format} front matter could not be read (${reason}); its fields were left out.`,
    )
    return null
  }
  let data: unknown
  if (found.format === 'YAML') {
    const lineCounter = new LineCounter()
    const document = parseDocument(found.text, { lineCounter, prettyErrors: false })
    const [error] = document.errors
    if (error) {
      return unreadable(
        lineCounter.linePos(error.pos[0]).line + found.firstLine - 1,
        error.message.split('\n')[0]!,
      )
    }
    data = document.toJS()
  } else if (found.format === 'TOML') {
    try {
      data = parseToml(found.text)
    } catch (error) {
      if (!(error instanceof TomlError)) throw error
      return unreadable(error.line + found.firstLine - 1, error.message.split('\n')[0]!)
    }
  } else data = JSON.parse(found.text)
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    return unreadable(found.firstLine, 'it is not a list of "key: value" fields')
  }
  return data as Record<string, unknown>
}

const asText = (value: unknown): string =>
  value instanceof Date
    ? new Date(value.getTime()).toISOString()
    : typeof value === 'string'
      ? value.trim()
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : ''

function names(value: unknown, line: number | null): NamedRef[] {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object'
      ? [value]
      : asText(value).split(/,| and /)
  return list
    .map((item) =>
      item && typeof item === 'object' && 'name' in item ? asText(item.name) : asText(item),
    )
    .filter(Boolean)
    .map((item) => ({ value: item, line }))
}

/** The fields of the front matter an article has a place for; every other one is noted. */
function frontMatter(found: FrontMatter, report: Report): Meta {
  const meta = emptyMeta()
  const data = readFrontMatter(found, report)
  if (!data) return meta
  const sourceLines = found.text.split('\n')
  const lineOf = (key: string): number | null => {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const pattern = new RegExp(`^\\s*(?:["']?${escaped}["']?\\s*[:=]|\\[${escaped}\\])`)
    const index = sourceLines.findIndex((line) => pattern.test(line))
    return index < 0 ? null : index + found.firstLine
  }
  const deks: { key: string; text: string }[] = []
  for (const [key, value] of Object.entries(data)) {
    const line = lineOf(key)
    const field = KEYS[key.toLowerCase().replace(/[-_]/g, '')]
    const text = asText(value)
    switch (field) {
      case 'headline':
        meta.headline = text || null
        break
      case 'dek':
        if (text) deks.push({ key: key.toLowerCase().replace(/[-_]/g, ''), text })
        break
      case 'byline':
        meta.bylines = names(value, line)
        break
      case 'tags':
        meta.tags.push(
          ...names(value, line).flatMap((ref) =>
            ref.value.split(',').map((part) => ({ value: part.trim(), line })),
          ),
        )
        break
      case 'section':
        meta.section = names(value, line)[0] ?? null
        break
      case 'categories': {
        // The first category is the desk; any others become topics.
        const [first, ...others] = names(value, line)
        meta.section ??= first ?? null
        if (others.length > 0) {
          report.note(
            line,
            `Categories after the first (${others.map((ref) => ref.value).join(', ')}) were read as topics.`,
          )
          meta.tags.push(...others)
        }
        break
      }
      case 'slug':
        meta.slug = text || null
        break
      case 'permalink': {
        const last = text.split(/[?#]/)[0]!.split('/').filter(Boolean).pop()
        if (last && !meta.slug) {
          meta.slug = last.replace(/\.html?$/, '')
          report.note(
            line,
            `The slug "${meta.slug}" was taken from "${key}: ${text}"; the old address itself needs a redirect.`,
          )
        }
        break
      }
      case 'breaking':
        if (typeof value !== 'boolean') {
          report.note(line, `"${key}" must be true or false; the article is not marked Breaking.`)
        } else meta.breaking = value
        break
      case 'draft':
        if (value === true) report.note(line, 'It was a draft where it came from.')
        break
      case 'date': {
        meta.date = frontMatterDate(value)
        if (!meta.date) {
          report.note(
            line,
            `"${text}" is not a date (write it as 2025-12-05 or 2025-12-05T14:30); the article has no date yet.`,
          )
        }
        break
      }
      case 'image': {
        const src =
          value && typeof value === 'object'
            ? asText(
                (value as Record<string, unknown>).src ??
                  (value as Record<string, unknown>).url ??
                  (value as Record<string, unknown>).image,
              )
            : text
        const alt =
          value && typeof value === 'object' ? asText((value as Record<string, unknown>).alt) : ''
        if (src) meta.heroImage = { src, alt, line }
        break
      }
      case 'updated':
        report.note(
          line,
          `"${key}: ${text}" was left out: the Updated date comes from a correction or update note.`,
        )
        break
      case 'aliases':
        report.note(
          line,
          `The old addresses under "${key}" were left out; add them under Redirects once the article is published.`,
        )
        break
      default:
        report.note(
          line,
          `The front matter field "${key}" has no place in an article; it was left out.`,
        )
    }
  }
  deks.sort((a, b) => DEK_ORDER.indexOf(a.key) - DEK_ORDER.indexOf(b.key))
  meta.dek = deks[0]?.text ?? null
  for (const other of deks.slice(1)) {
    report.note(
      lineOf(
        Object.keys(data).find((key) => key.toLowerCase().replace(/[-_]/g, '') === other.key) ?? '',
      ),
      `"${other.key}" was left out: the dek is taken from "${deks[0]!.key}".`,
    )
  }
  return meta
}

/**
 * A Markdown article: optional front matter, then the text with `##` sections
 * (see parseBody for what the text may hold).
 */
export function parseMarkdown(
  text: string,
  report: Report,
  options: BodyOptions = {},
): ImportedArticle {
  const found = findFrontMatter(text)
  const meta = found ? frontMatter(found, report) : emptyMeta()
  const offset = found ? found.lines : 0
  const rest = found ? text.split('\n').slice(found.lines).join('\n') : text
  const body = parseBody(rest, (line) => line + offset, report, meta.headline, options)
  return {
    ...meta,
    headline: meta.headline ?? body.headline,
    sections: body.sections,
    tables: body.tables,
    faqs: body.faqs,
    images: body.images,
    firstParagraph: body.firstParagraph,
  }
}
