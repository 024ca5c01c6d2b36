import type {
  Blockquote,
  Heading,
  List,
  ListItem,
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

import type {
  ContentBlock,
  ContentInline,
  ContentList,
  ContentRun,
  ContentSection,
  ContentTable,
} from '@/content/types'
import { checkHref } from '@/lib/safeHref'

import type { Report } from './problems'
import type { ImportedBody } from './types'
import { type BodyNotes, codeBlock, convertBody, escapeHtml, type ImageRef } from './wordpress/html'

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

type Style = Omit<ContentRun, 'text'>

export interface BodyOptions {
  /** The old site's address: relative links resolve against it (else they are kept as text). */
  baseUrl?: string | null
  /**
   * Images become image blocks (`images` in the result, resolved to Media by the import);
   * without it they are kept as their alt text, in italics.
   */
  images?: boolean
}

/**
 * Parses the body of a Markdown article: `##` sections (or `#` ones, when the file's
 * title is in its front matter), their text, GFM tables, "Keyword focus:" lines and
 * a "Frequently Asked Questions" section of question/answer pairs, code, nested
 * lists, images, footnotes. Inline and block HTML go through the WordPress import's
 * sanitising HTML path (src/import/wordpress/html.ts): mapped to formatting where the
 * model has it, kept as text otherwise, never stored as HTML. Whatever cannot be
 * carried exactly is kept as well as it can be and noted in `report`, with its line.
 * `lineOf` maps a line of `markdown` to the line of the file the person wrote (they
 * differ for front matter and plain text).
 */
export function parseBody(
  markdown: string,
  lineOf: (line: number) => number,
  report: Report,
  headline: string | null,
  options: BodyOptions = {},
): ImportedBody {
  const tree: Root = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  const sourceLines = markdown.split('\n')
  const lineAt = (node: Nodes) => lineOf(node.position?.start.line ?? 1)
  const definitions = new Map<string, string>()
  const footnotes = new Map<string, { text: string; line: number }>()
  for (const node of tree.children) {
    if (node.type === 'definition') definitions.set(node.identifier, node.url)
    if (node.type === 'footnoteDefinition') {
      footnotes.set(node.identifier, {
        text: node.children.map((child) => toString(child).trim()).join(' '),
        line: lineAt(node),
      })
    }
  }

  const body: ImportedBody = {
    headline,
    sections: [],
    tables: [],
    faqs: [],
    images: [],
    firstParagraph: null,
  }
  let current: SectionDraft | null = null
  let pendingQuestion: { text: string; line: number; answer: string[] } | null = null
  let faqBlock: Extract<ContentBlock, { type: 'faq' }> | null = null
  let lastTable: { table: ContentTable; node: Table } | null = null
  const footnoteOrder: string[] = []

  // A file whose title is in its front matter often writes its sections as "# ": then "#"
  // is a section, "##" a subheading, and so on.
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading')
  const titleHeading =
    headings[0]?.depth === 1 && (!headline || toString(headings[0]).trim() === headline)
      ? headings[0]
      : null
  const shift = headings.some((node) => node !== titleHeading && node.depth === 1) ? 1 : 0
  if (shift) {
    const first = headings.find((node) => node !== titleHeading && node.depth === 1)!
    report.note(lineAt(first), 'The file’s "# " headings were read as sections ("## ").')
  }

  const section = (line: number): SectionDraft => {
    if (current) return current
    if (!body.headline) {
      report.note(line, 'Text before the first section went into a section called "Introduction".')
    }
    return openSection(body.headline ?? 'Introduction', line)
  }

  const openSection = (heading: string, line: number): SectionDraft => {
    closeQuestion()
    faqBlock = null
    if (current && body.sections.length >= LIMITS.sections) {
      report.note(
        line,
        `"${heading.slice(0, 60)}" became a subheading: an article has at most ${LIMITS.sections} sections.`,
      )
      current.blocks.push({ type: 'heading', tag: 'h3', children: [heading] })
      return current
    }
    if (heading.length > LIMITS.heading) {
      report.note(line, `This heading was cut to ${LIMITS.heading} characters.`)
      heading = `${heading.slice(0, LIMITS.heading - 1)}…`
    }
    current = { heading, blocks: [], line, faq: FAQ_HEADING.test(heading) }
    body.sections.push(current)
    return current
  }

  const addFaq = (question: string, answer: string, line: number) => {
    const target = section(line)
    if (question.length > LIMITS.question) {
      // Too long for a question: it stays in the text, as a subheading and its answer.
      report.note(
        line,
        `This question is over ${LIMITS.question} characters; it stays in the text as a subheading, not an FAQ.`,
      )
      faqBlock = null
      target.blocks.push({ type: 'heading', tag: 'h3', children: [question] })
      for (const part of answer.split('\n')) {
        target.blocks.push({ type: 'paragraph', children: [part] })
      }
      return
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
      report.note(line, `The question "${text}" has no answer after it; it stays as a subheading.`)
      faqBlock = null
      section(line).blocks.push({ type: 'heading', tag: 'h3', children: [text] })
      return
    }
    addFaq(text, answer.join('\n'), line)
  }

  const addBlock = (block: ContentBlock, line: number) => {
    closeQuestion()
    faqBlock = null
    const target = section(line)
    target.blocks.push(block)
    if (block.type === 'paragraph' && body.firstParagraph === null) {
      const text = plainText(block.children).trim()
      if (text) body.firstParagraph = text
    }
  }

  /** A link's address, checked and (when relative) resolved; null keeps its text alone. */
  const linkTarget = (url: string, line: number): string | null => {
    let address = url.trim()
    const relative = address !== '' && !/^[a-z][a-z0-9+.-]*:|^[/#]/i.test(address)
    if (relative) {
      if (!options.baseUrl) {
        report.note(
          line,
          `The relative link "${address.slice(0, 80)}" was kept as text: give the old site's address (--base-url) to resolve it.`,
        )
        return null
      }
      address = new URL(address, options.baseUrl).href
    }
    const check = checkHref(address)
    if (!check.ok) {
      report.note(line, `The link to "${address.slice(0, 80)}" was kept as text: ${check.reason}.`)
      return null
    }
    return check.href
  }

  const imageText = (alt: string, line: number) => {
    report.note(
      line,
      alt
        ? `The image "${alt.slice(0, 60)}" was kept as its alt text${options.images ? ' (an image inside a link or heading cannot be shown there)' : ': upload it under Media and add it to the text (npm run import brings the images next to a file)'}.`
        : 'An image without alt text was left out.',
    )
    return alt ? `[Image: ${alt}]` : ''
  }

  const inlines = (nodes: PhrasingContent[], style: Style = {}): ContentInline[] => {
    const runs: ContentInline[] = []
    const push = (text: string, extra: Style = {}) => {
      if (text === '') return
      const marks = { ...style, ...extra }
      const plain = Object.keys(marks).length === 0
      const last = runs.at(-1)
      if (plain && typeof last === 'string') runs[runs.length - 1] = last + text
      else if (plain) runs.push(text)
      else runs.push({ text, ...marks })
    }
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          push(node.value.replace(/\s*\n\s*/g, ' '))
          break
        case 'inlineCode':
          push(node.value.replace(/\s*\n\s*/g, ' '), { code: true })
          break
        case 'break':
          push(' ')
          break
        case 'strong':
          runs.push(...inlines(node.children, { ...style, bold: true }))
          break
        case 'emphasis':
          runs.push(...inlines(node.children, { ...style, italic: true }))
          break
        case 'delete':
          runs.push(...inlines(node.children, { ...style, strikethrough: true }))
          break
        case 'link':
        case 'linkReference': {
          const url = node.type === 'link' ? node.url : (definitions.get(node.identifier) ?? null)
          if (url === null) {
            report.note(
              lineAt(node),
              `The link [${toString(node)}] names no address (no "[${node.type === 'linkReference' ? node.label : ''}]: …" line); its text was kept.`,
            )
            runs.push(...inlines(node.children, style))
            break
          }
          const href = linkTarget(url, lineAt(node))
          runs.push(...inlines(node.children, href ? { ...style, href } : style))
          break
        }
        case 'image':
        case 'imageReference':
          push(imageText(node.alt?.trim() ?? '', lineAt(node)), { italic: true })
          break
        case 'footnoteReference': {
          if (!footnoteOrder.includes(node.identifier)) footnoteOrder.push(node.identifier)
          push(String(footnoteOrder.indexOf(node.identifier) + 1), { superscript: true })
          break
        }
        case 'html':
          // Only reached inside a link or emphasis; a paragraph with HTML goes through viaHtml.
          push(node.value)
          break
      }
    }
    return runs
  }

  const plainText = (runs: ContentInline[]) =>
    runs.map((run) => (typeof run === 'string' ? run : run.text)).join('')

  /** Markdown phrasing as HTML, for a paragraph that mixes in HTML of its own. */
  const phrasingHtml = (nodes: PhrasingContent[]): string =>
    nodes
      .map((node): string => {
        switch (node.type) {
          case 'text':
            return escapeHtml(node.value)
          case 'inlineCode':
            return `<code>${escapeHtml(node.value)}</code>`
          case 'break':
            return '<br>'
          case 'strong':
            return `<strong>${phrasingHtml(node.children)}</strong>`
          case 'emphasis':
            return `<em>${phrasingHtml(node.children)}</em>`
          case 'delete':
            return `<del>${phrasingHtml(node.children)}</del>`
          case 'link':
          case 'linkReference': {
            const url = node.type === 'link' ? node.url : (definitions.get(node.identifier) ?? null)
            const href = url === null ? null : linkTarget(url, lineAt(node))
            const inner = phrasingHtml(node.children)
            return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner
          }
          case 'image':
          case 'imageReference': {
            const url = node.type === 'image' ? node.url : (definitions.get(node.identifier) ?? '')
            return `<img src="${escapeHtml(url)}" alt="${escapeHtml(node.alt ?? '')}">`
          }
          case 'footnoteReference':
            if (!footnoteOrder.includes(node.identifier)) footnoteOrder.push(node.identifier)
            return `<sup>${footnoteOrder.indexOf(node.identifier) + 1}</sup>`
          case 'html':
            return node.value
          default:
            return escapeHtml(toString(node))
        }
      })
      .join('')

  /**
   * HTML from the file, through the WordPress import's sanitising path: its blocks go into
   * the current section (an <h2> in it opens a new one), its tables and images join the
   * body's under keys of their own; what it had to approximate is noted at `line`.
   */
  const viaHtml = (html: string, line: number) => {
    closeQuestion()
    faqBlock = null
    lastTable = null
    const notes: BodyNotes = { approximation: (_, message) => report.note(line, message) }
    const converted = convertBody(
      html,
      '',
      notes,
      (index) => `${current?.heading ?? body.headline ?? 'Table'} (${index})`,
      { images: options.images },
    )
    const tableKeys = new Map<string, string>()
    for (const table of converted.tables) {
      const key = `table-${body.tables.length + 1}`
      tableKeys.set(table.key, key)
      body.tables.push({ ...table, key })
    }
    const imageKeys = new Map<string, string>()
    for (const image of converted.images) {
      const key = `image-${body.images.length + 1}`
      imageKeys.set(image.key, key)
      body.images.push({ ...image, key, line })
    }
    const rekey = (block: ContentBlock): ContentBlock =>
      block.type === 'table'
        ? { ...block, table: tableKeys.get(block.table) ?? block.table }
        : block.type === 'image'
          ? { ...block, image: imageKeys.get(block.image) ?? block.image }
          : block.type === 'gallery'
            ? {
                ...block,
                images: block.images.map((entry) => ({
                  ...entry,
                  image: imageKeys.get(entry.image) ?? entry.image,
                })),
              }
            : block
    converted.sections.forEach((part, index) => {
      if (index > 0 || part.heading) openSection(part.heading, line)
      for (const block of part.blocks) addBlock(rekey(block), line)
    })
  }

  const hasHtml = (node: Nodes): boolean =>
    node.type === 'html' || ('children' in node && node.children.some(hasHtml))

  const image = (node: Extract<PhrasingContent, { type: 'image' | 'imageReference' }>) => {
    const line = lineAt(node)
    const src = node.type === 'image' ? node.url : (definitions.get(node.identifier) ?? '')
    const alt = node.alt?.trim() ?? ''
    if (!options.images || !src) {
      const text = imageText(alt, line)
      if (text) addBlock({ type: 'paragraph', children: [{ text, italic: true }] }, line)
      return
    }
    const key = `image-${body.images.length + 1}`
    body.images.push({
      key,
      src,
      alt,
      caption: (node.type === 'image' ? node.title?.trim() : '') ?? '',
    })
    addBlock({ type: 'image', image: key }, line)
  }

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
      if (phrases.length === 0) report.note(line, '"Keyword focus:" lists no phrases.')
      const all = [...(target.keywordFocus ?? []), ...phrases]
      if (all.length > LIMITS.keywordFocus) {
        report.note(
          line,
          `A section has at most ${LIMITS.keywordFocus} keyword focus phrases; left out: ${all.slice(LIMITS.keywordFocus).join(', ')}.`,
        )
      }
      target.keywordFocus = all.slice(0, LIMITS.keywordFocus)
      return
    }
    if (lastTable && SOURCE_NOTE.test(text) && !lastTable.table.sourceNote) {
      if (text.length <= LIMITS.sourceNote) {
        lastTable.table.sourceNote = text
        const asOf = asOfDate(text)
        if (asOf) lastTable.table.asOf = asOf
        lastTable = null
        return
      }
      report.note(
        line,
        `This source note is over ${LIMITS.sourceNote} characters; it stays a paragraph under the table.`,
      )
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
    if (hasHtml(node)) {
      viaHtml(`<p>${phrasingHtml(node.children)}</p>`, line)
      return
    }
    // Images standing in the paragraph become image blocks between its text.
    let pending: PhrasingContent[] = []
    const flush = () => {
      const runs = tidyRuns(inlines(pending))
      pending = []
      if (runs.length > 0) addBlock({ type: 'paragraph', children: runs }, line)
    }
    for (const child of node.children) {
      if (child.type === 'image' || child.type === 'imageReference') {
        flush()
        image(child)
      } else pending.push(child)
    }
    flush()
  }

  const listOf = (node: List): ContentList => {
    const items: ContentInline[][] = []
    const nested: (ContentList | null)[] = []
    for (const item of node.children) {
      const runs: ContentInline[] = []
      let sub = null as ContentList | null
      for (const child of (item as ListItem).children) {
        if (child.type === 'paragraph') {
          if (runs.length) runs.push(' ')
          runs.push(...inlines(child.children))
        } else if (child.type === 'list') {
          const inner = listOf(child)
          // Two lists under one item (rare) read as one.
          sub = sub ? { ...sub, items: [...sub.items, ...inner.items] } : inner
        } else {
          report.note(
            lineAt(child),
            `A ${child.type === 'code' ? 'code block' : child.type} inside a list item was kept as its text.`,
          )
          if (runs.length) runs.push(' ')
          runs.push(toString(child))
        }
      }
      if (item.checked === true || item.checked === false) {
        runs.unshift(item.checked ? '☑ ' : '☐ ')
      }
      items.push(runs.length ? runs : [''])
      nested.push(sub)
    }
    return {
      type: 'list',
      ordered: Boolean(node.ordered),
      items,
      ...(nested.some(Boolean) ? { nested } : {}),
    }
  }

  const list = (node: List) => {
    lastTable = null
    const built = listOf(node)
    const texts = built.items.map((item) => plainText(item).trim())
    // In the FAQ section, a list that alternates question / answer is the FAQ.
    const pairs =
      texts.length >= 2 &&
      texts.length % 2 === 0 &&
      texts.every((text, index) => (index % 2 === 0) === text.endsWith('?'))
    if (current?.faq && pairs && !built.nested) {
      closeQuestion()
      for (let index = 0; index < texts.length; index += 2) {
        addFaq(texts[index]!, texts[index + 1]!, lineAt(node.children[index]!))
      }
      return
    }
    if (current?.faq && texts.some((text) => text.endsWith('?'))) {
      report.note(
        lineAt(node),
        'In the FAQ section, a list whose questions do not each come before their answer stays a list.',
      )
    }
    addBlock(built, lineAt(node))
  }

  /** Counts a table row's cells from its source line, so extra cells are not silently dropped. */
  const cellCount = (line: number | undefined) => {
    const text = (sourceLines[(line ?? 1) - 1] ?? '').trim()
    const cells = text.replace(/^\|/, '').replace(/(?<!\\)\|$/, '')
    return cells.split(/(?<!\\)\|/).length
  }
  const cellTexts = (line: number | undefined) => {
    const text = (sourceLines[(line ?? 1) - 1] ?? '').trim()
    return text
      .replace(/^\|/, '')
      .replace(/(?<!\\)\|$/, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
  }

  const table = (node: Table, caption: string | null) => {
    const line = lineAt(node)
    const target = section(line)
    const [head, ...rows] = node.children
    const columns = (head?.children ?? []).map((cell) => toString(cell).trim())
    if (columns.length < LIMITS.columns.min || columns.length > LIMITS.columns.max) {
      // Not a comparison table's shape: each row becomes a list item, its cells joined.
      report.note(
        line,
        `A comparison table has ${LIMITS.columns.min} to ${LIMITS.columns.max} columns; this one has ${columns.length}, so its rows became a list.`,
      )
      addBlock(
        {
          type: 'list',
          items: [head, ...rows]
            .filter((row) => row !== undefined)
            .map((row) => [row.children.map((cell) => toString(cell).trim()).join(' · ')]),
        },
        line,
      )
      return
    }
    const labels = columns.map((label, index) => {
      if (!label) {
        report.note(
          line,
          `Column ${index + 1} of this table has no heading; it is called "Column ${index + 1}".`,
        )
        return `Column ${index + 1}`
      }
      if (label.length > LIMITS.columnLabel) {
        report.note(
          line,
          `The column heading "${label.slice(0, 40)}…" was cut to ${LIMITS.columnLabel} characters.`,
        )
        return `${label.slice(0, LIMITS.columnLabel - 1)}…`
      }
      return label
    })
    if (rows.length === 0) report.note(line, 'This table has a header row but no rows.')
    const cells = rows.map((row) => {
      const rowLine = row.position?.start.line
      const count = cellCount(rowLine)
      const values = row.children.map((cell) => toString(cell).trim())
      if (count < columns.length) {
        report.note(
          lineOf(rowLine ?? 1),
          `This table row has ${count} ${count === 1 ? 'cell' : 'cells'}; the table has ${columns.length} columns, so empty cells were added.`,
        )
      } else if (count > columns.length) {
        const extra = cellTexts(rowLine).slice(columns.length)
        report.note(
          lineOf(rowLine ?? 1),
          `This table row has ${count} cells; the table has ${columns.length} columns, so the last cell also holds "${extra.join(' | ')}".`,
        )
        values[columns.length - 1] = [values[columns.length - 1] ?? '', ...extra]
          .filter(Boolean)
          .join(' | ')
      }
      return labels.map((_, index) => {
        const value = values[index] ?? ''
        if (value.length <= LIMITS.cell) return value
        report.note(
          lineOf(rowLine ?? 1),
          `A cell was cut to ${LIMITS.cell} characters; it began "${value.slice(0, 40)}…".`,
        )
        return `${value.slice(0, LIMITS.cell - 1)}…`
      })
    })
    const title = caption ?? target.heading
    // Over the row limit, the table continues in a second one (and a third…).
    for (let start = 0; start === 0 || start < cells.length; start += LIMITS.rows) {
      const part = Math.floor(start / LIMITS.rows)
      if (part === 1) {
        report.note(
          line,
          `A table has at most ${LIMITS.rows} rows; this one of ${cells.length} continues in further tables.`,
        )
      }
      const name = part === 0 ? title : `${title} (continued)`
      const key = `table-${body.tables.length + 1}`
      const seedTable: ContentTable = {
        key,
        title: name.length > LIMITS.tableTitle ? `${name.slice(0, LIMITS.tableTitle - 1)}…` : name,
        columns: labels.map((label) => ({ label, type: 'text' })),
        rows: cells.slice(start, start + LIMITS.rows),
      }
      body.tables.push(seedTable)
      addBlock({ type: 'table', table: key }, line)
      lastTable = { table: seedTable, node }
    }
  }

  const blockquote = (node: Blockquote) => {
    lastTable = null
    for (const child of node.children) {
      if (child.type === 'paragraph') {
        if (hasHtml(child))
          viaHtml(`<blockquote><p>${phrasingHtml(child.children)}</p></blockquote>`, lineAt(child))
        else addBlock({ type: 'quote', children: tidyRuns(inlines(child.children)) }, lineAt(child))
      } else if (child.type === 'code') {
        code(child)
      } else {
        report.note(lineAt(child), `A ${child.type} inside a quotation was kept as quoted text.`)
        addBlock({ type: 'quote', children: [toString(child)] }, lineAt(child))
      }
    }
  }

  const code = (node: Extract<RootContent, { type: 'code' }>) => {
    lastTable = null
    const line = lineAt(node)
    const block = codeBlock(node.lang?.trim() || null, node.value, {
      approximation: (_, message) => report.note(line, message),
    })
    if (block) addBlock(block, line)
  }

  const heading = (node: Heading) => {
    lastTable = null
    const line = lineAt(node)
    const text = toString(node).trim()
    if (!text) {
      report.note(line, 'An empty heading was left out.')
      return
    }
    if (node === titleHeading) {
      if (!body.headline && !current) body.headline = text
      return
    }
    const depth = node.depth + shift
    if (depth <= 2) {
      if (depth === 1) {
        report.note(line, `A second "# " title "${text.slice(0, 60)}" was read as a section.`)
      }
      openSection(text, line)
      return
    }
    if (depth > 4) {
      report.note(
        line,
        `"${'#'.repeat(node.depth)} ${text.slice(0, 40)}" became the smallest subheading this body has.`,
      )
    }
    if (current?.faq) {
      closeQuestion()
      pendingQuestion = { text, line, answer: [] }
      return
    }
    addBlock(
      {
        type: 'heading',
        tag: depth === 3 ? 'h3' : 'h4',
        children: tidyRuns(inlines(node.children)),
      },
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
        lastTable = null
        // A rule ends an FAQ answer: the text after it is the section's own.
        if (pendingQuestion || faqBlock) return closeQuestion()
        return addBlock({ type: 'rule' }, lineAt(node))
      case 'code':
        return code(node)
      case 'html':
        return viaHtml(node.value, lineAt(node))
      case 'definition':
      case 'footnoteDefinition':
        return
      default: {
        const text = toString(node).trim()
        report.note(lineAt(node), `A ${node.type} was kept as plain text.`)
        if (text) addBlock({ type: 'paragraph', children: [text] }, lineAt(node))
      }
    }
  })
  closeQuestion()
  if (footnoteOrder.length > 0 || footnotes.size > 0) {
    // Footnotes: numbered where they are referred to, their text in a "Notes" section at the end.
    const order = [
      ...footnoteOrder,
      ...[...footnotes.keys()].filter((id) => !footnoteOrder.includes(id)),
    ]
    const first = footnotes.values().next().value
    report.note(
      first?.line ?? null,
      'Footnotes became numbers in the text and a "Notes" section at the end.',
    )
    openSection('Notes', first?.line ?? 1)
    addBlock(
      {
        type: 'list',
        ordered: true,
        items: order.map((id) => [
          footnotes.get(id)?.text ?? `(The file gives no text for note ${id}.)`,
        ]),
      },
      first?.line ?? 1,
    )
  }
  if (body.sections.length === 0) {
    report.note(null, 'The file has no sections; add one with a heading and its text.')
  }
  body.sections = body.sections.map(({ heading: title, blocks, keywordFocus }) => ({
    heading: title,
    blocks,
    ...(keywordFocus?.length ? { keywordFocus } : {}),
  }))
  return body
}

/** Trims a paragraph's runs at both ends; [] when nothing is left. */
function tidyRuns(runs: ContentInline[]): ContentInline[] {
  const out = [...runs]
  const text = (run: ContentInline) => (typeof run === 'string' ? run : run.text)
  const set = (index: number, value: string) => {
    const run = out[index]!
    out[index] = typeof run === 'string' ? value : { ...run, text: value }
  }
  if (out.length > 0) set(0, text(out[0]!).replace(/^\s+/, ''))
  if (out.length > 0) set(out.length - 1, text(out.at(-1)!).replace(/\s+$/, ''))
  return out.filter((run) => text(run) !== '')
}

export type { ImageRef }
