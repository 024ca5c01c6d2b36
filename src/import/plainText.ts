import { parseBody, parseLooseDate } from './body'
import { emptyMeta } from './markdown'
import type { Report } from './problems'
import type { ImportedArticle } from './types'

const TOC_TITLE = /^(table of contents|contents)\s*:?$/i
const TOC_ENTRY = /^\s*(?:[-*•]\s*)?\d+[.)]\s+(.+?)\s*$/
const BYLINE = /^by\s+(.+?)(?:\s*[|·•]\s*(?:(?:published|updated)\s*:?\s*)?(.+?))?\s*$/i
const LIST_ITEM = /^\s*[-*•]\s+(.*)$/
const TABLE_ROW = /^\s*\|.*\|\s*$/
const KEYWORD_FOCUS = /^\s*keyword focus\s*:/i

/** Plain text cannot contain Markdown: every character Markdown would act on is escaped. */
function escape(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~&]/g, '\\$&')
    .replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, space: string, mark: string) => `${space}\\${mark}`)
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()

/** A line that looks like a heading when the file has no table of contents to say so. */
function looksLikeHeading(line: string, next: string | undefined): boolean {
  const text = line.trim()
  return (
    text.length > 0 &&
    text.length <= 100 &&
    !/[.!?:;,"”)]$/.test(text) &&
    !LIST_ITEM.test(text) &&
    !TABLE_ROW.test(text) &&
    !KEYWORD_FOCUS.test(text) &&
    // A quotation or a line starting in lower case is text that wrapped, not a heading.
    !/["“”]/.test(text) &&
    !/^\p{Ll}/u.test(text) &&
    next !== undefined &&
    next.trim() !== ''
  )
}

type Kind = 'list' | 'table' | 'paragraph'

/**
 * A plain-text article shaped like the reference article: the headline on the
 * first line ("Breaking:" sets the label), an optional "Table of Contents" of
 * numbered entries that name the section headings, a "By … | Published …"
 * line, then the text: "- " lists, "|" tables, "Keyword focus:" lines and a
 * "Frequently Asked Questions" section of alternating question and answer
 * items. It is turned into Markdown line for line and read like a Markdown file.
 */
export function parsePlainText(text: string, report: Report): ImportedArticle {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const meta = emptyMeta()
  let index = 0
  const skipBlank = () => {
    while (index < lines.length && lines[index]!.trim() === '') index += 1
  }

  skipBlank()
  const first = lines[index]?.trim() ?? ''
  if (!first) {
    report.problem(null, 'The file is empty.')
    return { ...meta, sections: [], tables: [], faqs: [], images: [], firstParagraph: null }
  }
  const breaking = /^breaking\s*:\s*/i
  meta.breaking = breaking.test(first)
  meta.headline = first.replace(breaking, '')
  index += 1

  skipBlank()
  const toc: { heading: string; line: number }[] = []
  if (TOC_TITLE.test(lines[index]?.trim() ?? '')) {
    index += 1
    while (index < lines.length && TOC_ENTRY.test(lines[index]!)) {
      toc.push({ heading: TOC_ENTRY.exec(lines[index]!)![1]!, line: index + 1 })
      index += 1
    }
    if (toc.length === 0) report.note(index, 'A table of contents with no numbered entries.')
  }

  skipBlank()
  const byline = BYLINE.exec(lines[index]?.trim() ?? '')
  if (byline) {
    const line = index + 1
    meta.bylines = byline[1]!
      .split(/,| and /)
      .map((name) => name.trim())
      .filter(Boolean)
      .map((value) => ({ value, line }))
    if (byline[2]) {
      const date = parseLooseDate(byline[2])
      if (date) meta.date = `${date}T09:00:00.000Z`
      else
        report.note(
          line,
          `"${byline[2]}" is not a date this import understands (e.g. Dec. 5, 2025); the article has no date yet.`,
        )
    }
    index += 1
  }

  // The text, cut at its headings: the table of contents names them, or they are guessed.
  const bodyStart = index
  const chunks = new Map<number, number[]>()
  const headingLine = new Map<number, number>()
  // Entry numbers by heading; a heading listed twice matches its entries in turn.
  const tocIndex = new Map<string, number[]>()
  toc.forEach((entry, i) => {
    const key = normalise(entry.heading)
    tocIndex.set(key, [...(tocIndex.get(key) ?? []), i])
  })
  const bodyOrder: number[] = []
  const guessed: { heading: string; line: number }[] = []
  let currentChunk: number | null = null
  const preface: number[] = []
  for (let i = bodyStart; i < lines.length; i += 1) {
    const line = lines[i]!
    const entry = toc.length
      ? tocIndex.get(normalise(line))?.find((index) => !headingLine.has(index))
      : undefined
    const isHeading =
      entry !== undefined ||
      (!toc.length &&
        looksLikeHeading(
          line,
          lines.slice(i + 1).find((l) => l.trim() !== ''),
        ))
    if (isHeading) {
      const key = entry ?? guessed.length
      if (entry === undefined) {
        guessed.push({ heading: line.trim(), line: i + 1 })
        report.note(i + 1, 'Read as a section heading (the file has no table of contents).')
      } else bodyOrder.push(entry)
      headingLine.set(key, i + 1)
      chunks.set(key, [])
      currentChunk = key
      continue
    }
    if (currentChunk === null) preface.push(i)
    else chunks.get(currentChunk)!.push(i)
  }
  const sections = toc.length ? toc : guessed
  if (bodyOrder.some((entry, index) => index > 0 && entry < bodyOrder[index - 1]!)) {
    report.note(
      null,
      'The text’s sections are not in the order of its table of contents; they follow the contents.',
    )
  }
  // Text before the first heading belongs to the first entry when that entry (often the
  // headline itself) has no heading line of its own.
  if (preface.some((i) => lines[i]!.trim() !== '')) {
    if (sections.length && !headingLine.has(0)) chunks.set(0, preface)
    else {
      sections.unshift({ heading: meta.headline, line: preface[0]! + 1 })
      const shifted = new Map([...chunks].map(([key, value]) => [key + 1, value]))
      const shiftedLines = new Map([...headingLine].map(([key, value]) => [key + 1, value]))
      chunks.clear()
      headingLine.clear()
      for (const [key, value] of shifted) chunks.set(key, value)
      for (const [key, value] of shiftedLines) headingLine.set(key, value)
      chunks.set(0, preface)
    }
  }

  const markdown: string[] = []
  const sourceLine: number[] = []
  const emit = (text: string, line: number) => {
    markdown.push(text)
    sourceLine.push(line)
  }
  sections.forEach((section, key) => {
    const line = headingLine.get(key) ?? section.line
    if (!headingLine.has(key) && toc.length && key < toc.length && !chunks.has(key)) {
      report.note(
        section.line,
        `Contents entry ${key + 1} has no heading in the text; it was imported as an empty section.`,
      )
    }
    emit('', line)
    emit(`## ${escape(section.heading)}`, line)
    let previous: Kind | null = null
    for (const i of chunks.get(key) ?? []) {
      const raw = lines[i]!
      if (raw.trim() === '') {
        previous = null
        continue
      }
      const list = LIST_ITEM.exec(raw)
      const kind: Kind = list ? 'list' : TABLE_ROW.test(raw) ? 'table' : 'paragraph'
      if (kind !== previous || kind === 'paragraph') emit('', i + 1)
      if (kind === 'list') emit(`- ${escape(list![1]!)}`, i + 1)
      else if (kind === 'table') emit(raw.trim().replace(/[\\`*_[\]<>~&]/g, '\\$&'), i + 1)
      else emit(escape(raw.trim()), i + 1)
      previous = kind
    }
  })

  const body = parseBody(
    markdown.join('\n'),
    (line) => sourceLine[line - 1] ?? lines.length,
    report,
    meta.headline,
  )
  return {
    ...meta,
    sections: body.sections,
    tables: body.tables,
    faqs: body.faqs,
    images: body.images,
    firstParagraph: body.firstParagraph,
  }
}
