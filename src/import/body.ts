import type {
  Blockquote,
  Heading,
  List,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { toString } from 'mdast-util-to-string'
import { gfm } from 'micromark-extension-gfm'

import type { ContentBlock, ContentInline, ContentSection, ContentTable } from '@/content/types'

import type { Report } from './problems'
import type { ImportedBody } from './types'

/** Limits of the collections the import writes to, checked here so the report can name the line. */
export const LIMITS = {
  sections: 60,
  heading: 300,
  keywordFocus: 12,
  question: 200,
  tableTitle: 150,
  columns: { min: 2, max: 8 },
  columnLabel: 80,
  rows: 100,
  cell: 300,
  sourceNote: 300,
} as const

const FAQ_HEADING = /^(frequently asked questions|faqs?)\b/i
const KEYWORD_FOCUS = /^\s*keyword focus\s*:\s*/i
const SOURCE_NOTE = /^(sources?|based on|data|figures|note)\b|\bas of\b/i
const TABLE_CAPTION = /^table(\s+\d+)?\s*[:.–—-]\s*(.+)$/i
const WEB_ADDRESS = /^(https?:\/\/|mailto:|#|\/(?!\/))/i

const MONTHS =
  'january february march april may june july august september october november december'
    .split(' ')
    .map((month) => month.slice(0, 3))

/** "as of 31 December 2024", "as of Dec. 2024", "as of 2024-12-31" → 2024-12-31. */
export function asOfDate(text: string): string | null {
  const match = /\bas of\s+([^.;,)]*(?:,\s*\d{4})?)/i.exec(text)
  if (!match) return null
  return parseLooseDate(match[1]!.trim())
}

/** Dates as newsrooms write them: ISO, "Dec.05, 2025", "5 December 2025", "December 2025". */
export function parseLooseDate(value: string): string | null {
  const text = value.trim().replace(/\./g, ' ').replace(/\s+/g, ' ')
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`
    const date = new Date(`${day}T00:00:00Z`)
    // 2025-02-31 is not a day: JavaScript would quietly make it 3 March.
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null
  }
  const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase())
  const monthFirst = /^([A-Za-z]+) ?(\d{1,2})?,? (\d{4})$/.exec(text)
  const dayFirst = /^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/.exec(text)
  const [day, month, year] = monthFirst
    ? [Number(monthFirst[2] ?? 0), monthIndex(monthFirst[1]!), Number(monthFirst[3])]
    : dayFirst
      ? [Number(dayFirst[1]), monthIndex(dayFirst[2]!), Number(dayFirst[3])]
      : [NaN, -1, NaN]
  if (month < 0 || Number.isNaN(year)) return null
  // "December 2025" means the figures held at the end of that month.
  const date = day ? new Date(Date.UTC(year, month, day)) : new Date(Date.UTC(year, month + 1, 0))
  if (day && date.getUTCMonth() !== month) return null
  return date.toISOString().slice(0, 10)
}

interface SectionDraft extends ContentSection {
  line: number
  faq: boolean
}

/**
 * Parses the body of a Markdown article: `##` sections, their text, GFM tables,
 * "Keyword focus:" lines and a "Frequently Asked Questions" section of
 * question/answer pairs. `lineOf` maps a line of `markdown` to the line of the
 * file the person wrote (they differ for front matter and plain text).
 */
export function parseBody(
  markdown: string,
  lineOf: (line: number) => number,
  report: Report,
  headline: string | null,
): ImportedBody {
  const tree: Root = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  const sourceLines = markdown.split('\n')
  const lineAt = (node: Nodes) => lineOf(node.position?.start.line ?? 1)
  const definitions = new Map<string, string>()
  for (const node of tree.children) {
    if (node.type === 'definition') definitions.set(node.identifier, node.url)
  }

  const body: ImportedBody = {
    headline,
    sections: [],
    tables: [],
    faqs: [],
    firstParagraph: null,
  }
  let current: SectionDraft | null = null
  let pendingQuestion: { text: string; line: number; answer: string[] } | null = null
  let faqBlock: Extract<ContentBlock, { type: 'faq' }> | null = null
  let lastTable: { table: ContentTable; node: Table } | null = null

  const section = (line: number): SectionDraft => {
    if (current) return current
    if (!body.headline) {
      report.problem(line, 'Text before the first "## " section, and no headline to put it under.')
    }
    return openSection(body.headline ?? 'Introduction', line)
  }

  const openSection = (heading: string, line: number): SectionDraft => {
    closeQuestion()
    faqBlock = null
    if (heading.length > LIMITS.heading) {
      report.problem(
        line,
        `This heading is ${heading.length} characters; at most ${LIMITS.heading}.`,
      )
    }
    current = { heading, blocks: [], line, faq: FAQ_HEADING.test(heading) }
    body.sections.push(current)
    if (body.sections.length === LIMITS.sections + 1) {
      report.problem(line, `More than ${LIMITS.sections} sections; split the article.`)
    }
    return current
  }

  const addFaq = (question: string, answer: string, line: number) => {
    const target = section(line)
    if (question.length > LIMITS.question) {
      report.problem(
        line,
        `This question is ${question.length} characters; at most ${LIMITS.question}.`,
      )
    }
    const key = `faq-${body.faqs.length + 1}`
    body.faqs.push({ key, question, answer })
    if (!faqBlock) {
      faqBlock = { type: 'faq', faqs: [] }
      target.blocks.push(faqBlock)
    }
    faqBlock.faqs.push(key)
  }

  const closeQuestion = () => {
    if (!pendingQuestion) return
    const { text, line, answer } = pendingQuestion
    pendingQuestion = null
    if (answer.length === 0) {
      report.problem(line, `The question "${text}" has no answer after it.`)
      return
    }
    addFaq(text, answer.join('\n'), line)
  }

  const addBlock = (block: ContentBlock, line: number) => {
    closeQuestion()
    faqBlock = null
    section(line).blocks.push(block)
  }

  const inlines = (
    nodes: PhrasingContent[],
    marks: { bold?: boolean; italic?: boolean } = {},
  ): ContentInline[] => {
    const runs: ContentInline[] = []
    const push = (text: string, href?: string) => {
      if (text === '') return
      const plain = !marks.bold && !marks.italic && !href
      const last = runs.at(-1)
      if (plain && typeof last === 'string') runs[runs.length - 1] = last + text
      else if (plain) runs.push(text)
      else runs.push({ text, ...marks, ...(href ? { href } : {}) })
    }
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          push(node.value.replace(/\s*\n\s*/g, ' '))
          break
        case 'break':
          push(' ')
          break
        case 'strong':
          runs.push(...inlines(node.children, { ...marks, bold: true }))
          break
        case 'emphasis':
          runs.push(...inlines(node.children, { ...marks, italic: true }))
          break
        case 'delete':
          runs.push(...inlines(node.children, marks))
          break
        case 'link':
        case 'linkReference': {
          const url = node.type === 'link' ? node.url : (definitions.get(node.identifier) ?? null)
          if (url === null) {
            report.problem(lineAt(node), `The link [${toString(node)}] has no address defined.`)
          } else if (!WEB_ADDRESS.test(url)) {
            report.problem(
              lineAt(node),
              `The link to "${url.slice(0, 80)}" is not a web address (http://, https://, mailto: or /path).`,
            )
          } else push(toString(node), url)
          break
        }
        case 'image':
        case 'imageReference':
          report.problem(
            lineAt(node),
            'Images are not imported from a file: upload the image under Media and add it in the admin.',
          )
          break
        case 'html':
          report.problem(
            lineAt(node),
            `HTML ("${node.value.slice(0, 40)}") is not imported; write it as text.`,
          )
          break
        case 'footnoteReference':
          report.problem(lineAt(node), 'Footnotes are not imported; write the note into the text.')
          break
      }
    }
    // Runs that mark nothing merge into their neighbours.
    return runs
  }

  const plainText = (runs: ContentInline[]) =>
    runs.map((run) => (typeof run === 'string' ? run : run.text)).join('')

  const paragraph = (node: Paragraph) => {
    const line = lineAt(node)
    const text = toString(node).trim()
    if (KEYWORD_FOCUS.test(text)) {
      const target = section(line)
      const phrases = text
        .replace(KEYWORD_FOCUS, '')
        .split(/[,;]/)
        .map((phrase) => phrase.trim())
        .filter(Boolean)
      if (phrases.length === 0) report.problem(line, '"Keyword focus:" lists no phrases.')
      target.keywordFocus = [...(target.keywordFocus ?? []), ...phrases]
      if (target.keywordFocus.length > LIMITS.keywordFocus) {
        report.problem(
          line,
          `More than ${LIMITS.keywordFocus} keyword focus phrases in one section.`,
        )
      }
      return
    }
    if (lastTable && SOURCE_NOTE.test(text) && !lastTable.table.sourceNote) {
      if (text.length > LIMITS.sourceNote) {
        report.problem(
          line,
          `This source note is ${text.length} characters; at most ${LIMITS.sourceNote}.`,
        )
      }
      lastTable.table.sourceNote = text
      const asOf = asOfDate(text)
      if (asOf) lastTable.table.asOf = asOf
      lastTable = null
      return
    }
    lastTable = null
    if (current?.faq) {
      const onlyBold = node.children.length === 1 && node.children[0]!.type === 'strong'
      if (onlyBold && text.endsWith('?')) {
        closeQuestion()
        pendingQuestion = { text, line, answer: [] }
        return
      }
      if (pendingQuestion) {
        pendingQuestion.answer.push(text)
        return
      }
    }
    const runs = inlines(node.children)
    if (runs.length === 0) return
    body.firstParagraph ??= plainText(runs).trim()
    addBlock({ type: 'paragraph', children: runs }, line)
  }

  const listItems = (node: List): { runs: ContentInline[]; line: number }[] =>
    node.children.map((item) => {
      const runs: ContentInline[] = []
      for (const child of item.children) {
        if (child.type === 'paragraph') {
          if (runs.length) runs.push(' ')
          runs.push(...inlines(child.children))
        } else {
          report.problem(
            lineAt(child),
            child.type === 'list'
              ? 'Lists inside lists are not imported; make it one list.'
              : `A ${child.type} inside a list item is not imported.`,
          )
        }
      }
      return { runs, line: lineAt(item) }
    })

  const list = (node: List) => {
    lastTable = null
    const items = listItems(node)
    const texts = items.map((item) => plainText(item.runs).trim())
    // In the FAQ section, a list that alternates question / answer is the FAQ.
    const pairs =
      texts.length >= 2 &&
      texts.length % 2 === 0 &&
      texts.every((text, index) => (index % 2 === 0) === text.endsWith('?'))
    if (current?.faq && pairs) {
      closeQuestion()
      for (let index = 0; index < texts.length; index += 2) {
        addFaq(texts[index]!, texts[index + 1]!, items[index]!.line)
      }
      return
    }
    if (current?.faq && texts.some((text) => text.endsWith('?'))) {
      report.problem(
        lineAt(node),
        'In the FAQ section, each question (ending with "?") must be followed by its answer.',
      )
      return
    }
    addBlock(
      { type: 'list', ordered: Boolean(node.ordered), items: items.map((item) => item.runs) },
      lineAt(node),
    )
  }

  /** Counts a table row's cells from its source line, so extra cells are not silently dropped. */
  const cellCount = (line: number | undefined) => {
    const text = (sourceLines[(line ?? 1) - 1] ?? '').trim()
    const cells = text.replace(/^\|/, '').replace(/(?<!\\)\|$/, '')
    return cells.split(/(?<!\\)\|/).length
  }

  const table = (node: Table, caption: string | null) => {
    const line = lineAt(node)
    const target = section(line)
    const [head, ...rows] = node.children
    const columns = (head?.children ?? []).map((cell) => toString(cell).trim())
    if (columns.length < LIMITS.columns.min || columns.length > LIMITS.columns.max) {
      report.problem(
        line,
        `A table needs ${LIMITS.columns.min} to ${LIMITS.columns.max} columns; this one has ${columns.length}.`,
      )
    }
    columns.forEach((label, index) => {
      if (!label) report.problem(line, `Column ${index + 1} of this table has no heading.`)
      if (label.length > LIMITS.columnLabel) {
        report.problem(
          line,
          `The column heading "${label.slice(0, 40)}…" is over ${LIMITS.columnLabel} characters.`,
        )
      }
    })
    if (rows.length === 0) report.problem(line, 'This table has a header row but no rows.')
    if (rows.length > LIMITS.rows) report.problem(line, `A table has at most ${LIMITS.rows} rows.`)
    const cells = rows.map((row) => {
      const rowLine = row.position?.start.line
      const count = cellCount(rowLine)
      if (count !== columns.length) {
        report.problem(
          lineOf(rowLine ?? 1),
          `This table row has ${count} ${count === 1 ? 'cell' : 'cells'}; the table has ${columns.length} columns.`,
        )
      }
      const values = row.children.map((cell) => toString(cell).trim())
      values.forEach((value) => {
        if (value.length > LIMITS.cell) {
          report.problem(lineOf(rowLine ?? 1), `A cell is over ${LIMITS.cell} characters.`)
        }
      })
      return values
    })
    const title = caption ?? target.heading
    const key = `table-${body.tables.length + 1}`
    const seedTable: ContentTable = {
      key,
      title: title.length > LIMITS.tableTitle ? `${title.slice(0, LIMITS.tableTitle - 1)}…` : title,
      columns: columns.map((label) => ({ label, type: 'text' })),
      rows: cells,
    }
    body.tables.push(seedTable)
    addBlock({ type: 'table', table: key }, line)
    lastTable = { table: seedTable, node }
  }

  const blockquote = (node: Blockquote) => {
    lastTable = null
    for (const child of node.children) {
      if (child.type === 'paragraph') {
        addBlock({ type: 'quote', children: inlines(child.children) }, lineAt(child))
      } else report.problem(lineAt(child), 'Only paragraphs are imported inside a quotation.')
    }
  }

  const heading = (node: Heading) => {
    lastTable = null
    const line = lineAt(node)
    const text = toString(node).trim()
    if (!text) {
      report.problem(line, 'This heading is empty.')
      return
    }
    if (node.depth === 1) {
      if (!body.headline && !current) body.headline = text
      else if (text !== body.headline) {
        report.problem(line, 'Only one "# " title per file; use "## " for sections.')
      }
      return
    }
    if (node.depth === 2) {
      openSection(text, line)
      return
    }
    if (node.depth > 4) {
      report.problem(
        line,
        `"${'#'.repeat(node.depth)} " headings are not imported; use "###" or "####".`,
      )
      return
    }
    if (current?.faq) {
      closeQuestion()
      pendingQuestion = { text, line, answer: [] }
      return
    }
    addBlock(
      { type: 'heading', tag: node.depth === 3 ? 'h3' : 'h4', children: inlines(node.children) },
      line,
    )
  }

  const children = tree.children
  children.forEach((node: RootContent, index) => {
    switch (node.type) {
      case 'heading':
        return heading(node)
      case 'paragraph': {
        // "Table: title" right before a table names it.
        const next = children[index + 1]
        const caption = TABLE_CAPTION.exec(toString(node).trim())
        if (caption && next?.type === 'table') return
        return paragraph(node)
      }
      case 'list':
        return list(node)
      case 'table': {
        const previous = children[index - 1]
        const caption =
          previous?.type === 'paragraph' ? TABLE_CAPTION.exec(toString(previous).trim()) : null
        return table(node, caption?.[2]?.trim() ?? null)
      }
      case 'blockquote':
        return blockquote(node)
      case 'thematicBreak':
        // A rule ends an FAQ answer: the text after it is the section's own.
        lastTable = null
        return closeQuestion()
      case 'definition':
        return
      case 'code':
        return report.problem(lineAt(node), 'Code blocks are not imported.')
      case 'html':
        return report.problem(
          lineAt(node),
          `HTML ("${node.value.slice(0, 40)}") is not imported; write it as text.`,
        )
      default:
        return report.problem(lineAt(node), `A ${node.type} is not imported.`)
    }
  })
  closeQuestion()
  if (body.sections.length === 0) {
    report.problem(null, 'No sections found: start each section with a "## " heading.')
  }
  body.sections = body.sections.map(({ heading: title, blocks, keywordFocus }) => ({
    heading: title,
    blocks,
    ...(keywordFocus?.length ? { keywordFocus } : {}),
  }))
  return body
}
