import { type DefaultTreeAdapterTypes as T, parseFragment } from 'parse5'

import { CODE_LANGUAGES, CODE_MAX_LENGTH } from '@/blocks/Code/config'
import { EMBED_URL_MAX_LENGTH } from '@/blocks/Embed/config'
import { ATTRIBUTION_MAX_LENGTH, PULL_QUOTE_MAX_LENGTH } from '@/blocks/PullQuote/config'
import type {
  ContentBlock,
  ContentInline,
  ContentList,
  ContentRun,
  ContentSection,
  ContentTable,
} from '@/content/types'
import { checkHref } from '@/lib/safeHref'
import { TEXT_MARKS } from '@/seed/lexical'

import { LIMITS } from '../body'

/**
 * A WordPress post's HTML (classic editor or Gutenberg's block comments) as the
 * article model: parsed by parse5 the way a browser would, then walked. What the
 * model has no place for yet is kept as text and counted as an approximation;
 * what could run (scripts, styles, event handlers, `javascript:` links, SVG) is
 * dropped with a line saying so. Nothing is ever stored as HTML.
 */

/** What the import could not carry exactly, by kind (the report's "approximations by kind"). */
export type Approximation =
  | 'code'
  | 'image'
  | 'gallery'
  | 'embed'
  | 'pull quote'
  | 'shortcode'
  | 'unknown block'
  | 'table'
  | 'heading level'
  | 'unsafe content'
  | 'unsafe link'
  | 'section limit'
  | 'markup'
  | 'link'
  | 'footnote'
  | 'list'
  | 'front matter'

export interface BodyNotes {
  approximation(kind: Approximation, message: string): void
}

export interface ConvertedBody {
  sections: ContentSection[]
  tables: ContentTable[]
  /** The images the body shows, by the keys its image and gallery blocks use (with `images`). */
  images: ImageRef[]
  firstParagraph: string | null
}

/** An image as the export gives it: its address (maybe relative), alt text and caption. */
export interface ImageRef {
  key: string
  src: string
  alt: string
  caption: string
  /** The line of the file it is on, where the format has lines (Markdown). */
  line?: number
}

export interface ConvertOptions {
  /**
   * Images become image and gallery blocks (resolved to Media by the import);
   * without it, they are kept as their alt text and reported.
   */
  images?: boolean
}

const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta', 'base', 'head'])
const EMBEDS = new Set(['iframe', 'object', 'embed', 'video', 'audio', 'canvas'])
/** Inline elements and the Lexical mark each becomes. */
const INLINE_MARKS: Record<string, Exclude<keyof ContentRun, 'text' | 'href'>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  var: 'italic',
  cite: 'italic',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
  del: 'strikethrough',
  s: 'strikethrough',
  strike: 'strikethrough',
  u: 'underline',
  ins: 'underline',
  sub: 'subscript',
  sup: 'superscript',
}
const INLINE_PLAIN = new Set([
  'span',
  'abbr',
  'mark',
  'small',
  'big',
  'q',
  'time',
  'font',
  'label',
  'bdi',
  'bdo',
  'data',
  'dfn',
  'wbr',
])
/** Gutenberg blocks whose HTML the walk below understands (containers are flattened). */
const KNOWN_BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'table',
  'group',
  'columns',
  'column',
  'cover',
  'buttons',
  'button',
  'separator',
  'spacer',
  'code',
  'preformatted',
  'image',
  'gallery',
  'embed',
  'pullquote',
  'video',
  'audio',
  'verse',
  'more',
  'nextpage',
  'freeform',
  'html',
  'shortcode',
  'media-text',
])
const SHORTCODE = /\[(\/?)([a-z_][\w-]*)(?=[\s\]/])[^\]]*\]/gi

type Run = ContentRun
type Style = Omit<ContentRun, 'text'>

function attr(element: T.Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null
}

function hasClass(element: T.Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name)
}

function isElement(node: T.ChildNode): node is T.Element {
  return 'tagName' in node
}

/** The text of a node as a reader sees it, scripts and styles left out. */
export function textOf(node: T.ParentNode | T.ChildNode): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value
  if (isElement(node as T.ChildNode) && DROPPED.has((node as T.Element).tagName)) return ''
  if ((node as T.Element).tagName === 'svg') return ''
  if ((node as T.Element).tagName === 'br') return '\n'
  const children = 'childNodes' in node ? node.childNodes : []
  return children.map((child) => textOf(child)).join('')
}

/** Text as HTML that shows it as it is (an attribute's value too). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Plain text of an HTML fragment (a comment's body, an excerpt). */
export function htmlToText(html: string): string {
  const fragment = parseFragment(html)
  const text = fragment.childNodes.map((node) => blockText(node)).join('')
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function blockText(node: T.ChildNode): string {
  if (!isElement(node)) return textOf(node)
  const inner = node.childNodes.map(blockText).join('')
  return ['p', 'div', 'li', 'blockquote', 'pre', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(
    node.tagName,
  )
    ? `\n\n${inner}\n\n`
    : DROPPED.has(node.tagName) || node.tagName === 'svg'
      ? ''
      : node.tagName === 'br'
        ? '\n'
        : inner
}

/** Attributes that would run script in a browser (`on…`), reported once per element. */
function reportHandlers(element: T.Element, notes: BodyNotes): void {
  const handlers = element.attrs.filter((a) => /^on/i.test(a.name)).map((a) => a.name)
  if (handlers.length > 0) {
    notes.approximation(
      'unsafe content',
      `Dropped the event handler ${handlers.join(', ')} on a <${element.tagName}>; only its text was kept.`,
    )
  }
  for (const name of ['src', 'action', 'formaction', 'data']) {
    const value = attr(element, name)
    if (value && /^\s*(javascript|vbscript|data):/i.test(value)) {
      notes.approximation(
        'unsafe content',
        `Dropped a ${value.split(':')[0]!.trim().toLowerCase()}: address on a <${element.tagName}>.`,
      )
    }
  }
}

export function convertBody(
  html: string,
  headline: string,
  notes: BodyNotes,
  tableTitle: (index: number) => string,
  options: ConvertOptions = {},
): ConvertedBody {
  const sections: ContentSection[] = []
  const tables: ContentTable[] = []
  const images: ImageRef[] = []
  // Inside a heading, list item or quote, where an image block cannot go.
  let inlineDepth = 0
  let current: ContentSection | null = null
  let firstParagraph: string | null = null
  // The paragraph being filled from loose text and inline elements (classic-editor HTML).
  let runs: Run[] = []

  const section = (): ContentSection => {
    if (current) return current
    current = { heading: headline, blocks: [] }
    sections.push(current)
    return current
  }

  const push = (block: ContentBlock) => {
    section().blocks.push(block)
    if (block.type === 'paragraph' && firstParagraph === null) {
      const text = block.children.map((run) => (typeof run === 'string' ? run : run.text)).join('')
      if (text.trim()) firstParagraph = text.trim()
    }
  }

  const flush = () => {
    const children = tidy(runs)
    runs = []
    if (children.length > 0) push({ type: 'paragraph', children })
  }

  const addText = (value: string, style: Style) => {
    for (const match of value.matchAll(SHORTCODE)) {
      if (match[1]) continue
      notes.approximation(
        'shortcode',
        `The shortcode [${match[2]}] was kept as text; shortcodes are never run.`,
      )
    }
    runs.push({ text: value, ...style })
  }

  /** Inline content, into `runs`. Block-level elements met inside are read as inline text. */
  const inline = (node: T.ChildNode, style: Style) => {
    if (node.nodeName === '#text') {
      addText((node as T.TextNode).value, style)
      return
    }
    if (node.nodeName === '#comment') return
    if (!isElement(node)) return
    const tag = node.tagName
    reportHandlers(node, notes)
    if (DROPPED.has(tag)) {
      notes.approximation('unsafe content', `Dropped a <${tag}> element and everything in it.`)
      return
    }
    if (tag === 'svg' || tag === 'math') {
      notes.approximation(
        'unsafe content',
        `Dropped an inline <${tag}> drawing (it can carry script; images come with Media).`,
      )
      return
    }
    if (tag === 'img') {
      image(node)
      return
    }
    if (EMBEDS.has(tag)) {
      embed(node)
      return
    }
    if (tag === 'br') {
      runs.push({ text: ' ', ...style })
      return
    }
    let next = style
    const mark = INLINE_MARKS[tag]
    if (mark) {
      next = { ...style, [mark]: true }
      // Lexical's subscript and superscript exclude each other: the inner one wins.
      if (mark === 'subscript') delete next.superscript
      if (mark === 'superscript') delete next.subscript
    } else if (tag === 'a') {
      const href = attr(node, 'href')
      if (href !== null && href.trim() !== '') {
        const check = checkHref(href)
        if (check.ok) next = { ...style, href: check.href }
        else {
          notes.approximation(
            'unsafe link',
            `A link to "${href.slice(0, 60)}" was removed (${check.reason}); its text was kept.`,
          )
        }
      }
    } else if (tag === 'abbr' && attr(node, 'title')?.trim()) {
      notes.approximation(
        'markup',
        `The abbreviation "${clean(textOf(node)).slice(0, 40)}" keeps its text; its expansion "${clean(attr(node, 'title')!).slice(0, 80)}" is not shown (write it out in the text if readers need it).`,
      )
    } else if (!INLINE_PLAIN.has(tag)) {
      // A block element inside a paragraph or list item: its text, inline.
    }
    for (const child of node.childNodes) inline(child, next)
  }

  /** An image to be resolved by the import: its key, or null without an address. */
  const imageRef = (node: T.Element, caption: string | null): string | null => {
    const src = attr(node, 'src')?.trim()
    if (!src) return null
    const key = `image-${images.length + 1}`
    images.push({ key, src, alt: clean(attr(node, 'alt') ?? ''), caption: caption ?? '' })
    return key
  }

  const image = (node: T.Element) => {
    if (options.images && inlineDepth === 0) {
      const key = imageRef(node, null)
      if (key) {
        flush()
        push({ type: 'image', image: key })
        return
      }
    }
    const alt = attr(node, 'alt')?.trim()
    notes.approximation(
      'image',
      alt
        ? `An image ("${alt.slice(0, 60)}") was kept as its alt text; --media-from <dir> or --fetch-media brings it.`
        : 'An image without alt text was left out; --media-from <dir> or --fetch-media brings images.',
    )
    if (alt) runs.push({ text: ` [Image: ${alt}] `, italic: true })
  }

  const embed = (node: T.Element) => {
    const src = attr(node, 'src') ?? attr(node, 'data')
    const check = src ? checkHref(src) : null
    // A player in a frame (YouTube's, Vimeo's, a map's) is an embed block, by its page's address.
    if (node.tagName === 'iframe' && inlineDepth === 0 && check?.ok && isEmbeddable(check.href)) {
      flush()
      push({ type: 'embed', url: pageOfPlayer(check.href) })
      return
    }
    notes.approximation(
      'embed',
      `An embedded <${node.tagName}> was kept as ${check?.ok ? 'a link to its address' : 'nothing (no safe address)'}.`,
    )
    if (check?.ok) runs.push({ text: check.href, href: check.href })
  }

  const heading = (node: T.Element) => {
    flush()
    const text = clean(textOf(node))
    reportHandlers(node, notes)
    if (!text) return
    const level = Number(node.tagName.slice(1))
    if (level <= 2) {
      if (level === 1) {
        notes.approximation('heading level', `An <h1> "${text.slice(0, 60)}" starts a section.`)
      }
      if (sections.length >= LIMITS.sections) {
        notes.approximation(
          'section limit',
          `"${text.slice(0, 60)}" became a subheading: an article has at most ${LIMITS.sections} sections.`,
        )
        push({ type: 'heading', tag: 'h3', children: [text] })
        return
      }
      current = { heading: text.slice(0, LIMITS.heading), blocks: [] }
      sections.push(current)
      return
    }
    if (level > 4) {
      notes.approximation('heading level', `An <h${level}> "${text.slice(0, 60)}" became an <h4>.`)
    }
    push({ type: 'heading', tag: level === 3 ? 'h3' : 'h4', children: inlineOf(node) })
  }

  /** The inline runs of one element, without touching the paragraph being filled. */
  const inlineOf = (node: T.Element): ContentInline[] => {
    const saved = runs
    runs = []
    inlineDepth += 1
    for (const child of node.childNodes) inline(child, {})
    inlineDepth -= 1
    const result = tidy(runs)
    runs = saved
    return result
  }

  const listOf = (node: T.Element): ContentList => {
    const list: ContentList = { type: 'list', ordered: node.tagName === 'ol', items: [] }
    const nested: (ContentList | null)[] = []
    for (const child of node.childNodes) {
      if (!isElement(child)) continue
      reportHandlers(child, notes)
      if (child.tagName === 'ul' || child.tagName === 'ol') {
        // A list straight inside a list (as some editors write it): under the item before it.
        if (list.items.length === 0) list.items.push([])
        nested[list.items.length - 1] = listOf(child)
        continue
      }
      const saved = runs
      runs = []
      inlineDepth += 1
      const subs: ContentList[] = []
      for (const part of child.childNodes) {
        if (isElement(part) && (part.tagName === 'ul' || part.tagName === 'ol'))
          subs.push(listOf(part))
        else inline(part, {})
      }
      // Two lists under one item (rare) read as one.
      const sub: ContentList | null =
        subs.length === 0
          ? null
          : {
              ...subs[0]!,
              items: subs.flatMap((list) => list.items),
              nested: subs.flatMap((list) => list.nested ?? list.items.map(() => null)),
            }
      inlineDepth -= 1
      list.items.push(tidy(runs))
      runs = saved
      nested[list.items.length - 1] = sub
    }
    list.items = list.items.map((item) => (item.length > 0 ? item : ['']))
    if (nested.some(Boolean)) list.nested = list.items.map((_, i) => nested[i] ?? null)
    return list
  }

  const quote = (node: T.Element, pull: boolean) => {
    flush()
    if (pull && pullQuote(node)) return
    const paragraphs = node.childNodes.filter(
      (child) => isElement(child) && ['p', 'cite', 'footer'].includes(child.tagName),
    ) as T.Element[]
    const parts = paragraphs.length > 0 ? paragraphs : [node]
    for (const part of parts) {
      const children = part === node ? inlineOf(node) : inlineOf(part)
      if (children.length === 0) continue
      const isCite = part.tagName === 'cite' || part.tagName === 'footer'
      push({ type: 'quote', children: isCite ? ['— ', ...children] : children })
    }
  }

  /** A pull quote block, when its words fit one; false leaves it to be kept as a quote. */
  const pullQuote = (node: T.Element): boolean => {
    const parts = node.childNodes.filter(isElement)
    const cites = parts.filter((part) => part.tagName === 'cite' || part.tagName === 'footer')
    const words = parts.filter((part) => !cites.includes(part))
    const quoted = clean((words.length > 0 ? words : [node]).map((part) => textOf(part)).join(' '))
    const attribution = clean(cites.map((cite) => textOf(cite)).join(' ')).replace(/^[—–-]\s*/, '')
    if (!quoted) return true
    if (quoted.length > PULL_QUOTE_MAX_LENGTH || attribution.length > ATTRIBUTION_MAX_LENGTH) {
      notes.approximation(
        'pull quote',
        `A pull quote longer than ${PULL_QUOTE_MAX_LENGTH} characters was kept as a quote.`,
      )
      return false
    }
    push({ type: 'pullQuote', quote: quoted, ...(attribution ? { attribution } : {}) })
    return true
  }

  const code = (node: T.Element) => {
    flush()
    if (hasClass(node, 'wp-block-verse')) {
      // Verse is poetry, not code: a paragraph per line.
      for (const line of textOf(node).split('\n')) {
        if (line.trim()) push({ type: 'paragraph', children: [clean(line)] })
      }
      return
    }
    const inner = node.childNodes.find((c) => isElement(c) && c.tagName === 'code') as
      T.Element | undefined
    const named = [inner, node]
      .flatMap((element) => (element ? (attr(element, 'class') ?? '').split(/\s+/) : []))
      .map((name) => /^(?:language|lang)-(.+)$/.exec(name)?.[1]?.toLowerCase())
      .find(Boolean)
    const block = codeBlock(named, textOf(node).replace(/^\n/, ''), notes)
    if (block) push(block)
  }

  const table = (node: T.Element, caption: string | null) => {
    flush()
    const rows: T.Element[] = []
    const collect = (parent: T.Element) => {
      for (const child of parent.childNodes) {
        if (!isElement(child)) continue
        if (child.tagName === 'tr') rows.push(child)
        else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) collect(child)
      }
    }
    collect(node)
    const caption2 =
      caption ??
      (clean(
        textOf(
          (node.childNodes.find((c) => isElement(c) && c.tagName === 'caption') as T.Element) ?? {
            nodeName: '#text',
            value: '',
          },
        ),
      ) ||
        null)
    const cellsOf = (row: T.Element) =>
      (
        row.childNodes.filter(
          (c) => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'),
        ) as T.Element[]
      ).map((cell) => clean(textOf(cell)))
    const [head, ...body] = rows
    const headCells = head ? cellsOf(head) : []
    const keepAsText = (why: string) => {
      notes.approximation('table', `A table was kept as paragraphs, one per row: ${why}.`)
      for (const row of rows) {
        const text = cellsOf(row).filter(Boolean).join(' · ')
        if (text) push({ type: 'paragraph', children: [text] })
      }
    }
    if (headCells.length < LIMITS.columns.min || headCells.length > LIMITS.columns.max) {
      keepAsText(
        `a comparison table has ${LIMITS.columns.min} to ${LIMITS.columns.max} columns, this one ${headCells.length}`,
      )
      return
    }
    if (body.length === 0 || body.length > LIMITS.rows) {
      keepAsText(`a comparison table has 1 to ${LIMITS.rows} rows under its header`)
      return
    }
    const columns = headCells.map((label, index) => {
      if (!label) {
        notes.approximation(
          'table',
          `Column ${index + 1} of a table had no heading; it is "Column ${index + 1}".`,
        )
      }
      return {
        label: (label || `Column ${index + 1}`).slice(0, LIMITS.columnLabel),
        type: 'text' as const,
      }
    })
    const cells = body.map((row, r) => {
      const values = cellsOf(row)
      if (values.length !== columns.length) {
        notes.approximation(
          'table',
          `Row ${r + 1} of a table has ${values.length} ${values.length === 1 ? 'cell' : 'cells'} for ${columns.length} columns; ${values.length < columns.length ? 'empty cells were added' : 'the extra cells were left out'}.`,
        )
      }
      return columns.map((_, c) => (values[c] ?? '').slice(0, LIMITS.cell))
    })
    const key = `table-${tables.length + 1}`
    const title = (caption2 ?? tableTitle(tables.length + 1)).slice(0, LIMITS.tableTitle)
    tables.push({ key, title, columns, rows: cells, ...(caption2 ? { caption: caption2 } : {}) })
    push({ type: 'table', table: key })
  }

  const figure = (node: T.Element) => {
    const caption = node.childNodes.find((c) => isElement(c) && c.tagName === 'figcaption') as
      T.Element | undefined
    const captionText = caption ? clean(textOf(caption)) : null
    const inner = node.childNodes.filter((c) => c !== caption)
    const tableChild = inner.find((c) => isElement(c) && c.tagName === 'table') as
      T.Element | undefined
    if (tableChild) {
      table(tableChild, captionText || null)
      return
    }
    const isGallery = hasClass(node, 'wp-block-gallery') || hasClass(node, 'kg-gallery-card')
    if (options.images && isGallery) {
      flush()
      const shown = galleryImages(node)
        .map(({ img, caption }) => ({ image: imageRef(img, caption), caption }))
        .filter((entry): entry is { image: string; caption: string | null } => entry.image !== null)
      if (shown.length > 0) {
        push({
          type: 'gallery',
          images: shown.map(({ image, caption }) => ({ image, ...(caption ? { caption } : {}) })),
          ...(captionText ? { caption: captionText } : {}),
        })
        return
      }
    }
    const lone = options.images && !isGallery ? loneImage(inner) : null
    if (lone) {
      flush()
      const key = imageRef(lone, captionText || null)
      if (key) {
        push({ type: 'image', image: key })
        return
      }
    }
    if (isGallery) {
      flush()
      const count = countImages(node)
      notes.approximation(
        'gallery',
        `A gallery of ${count} ${count === 1 ? 'image' : 'images'} was kept as its alt texts and captions; --media-from <dir> or --fetch-media brings it.`,
      )
    }
    if (hasClass(node, 'wp-block-pullquote')) {
      for (const child of inner) {
        if (isElement(child) && child.tagName === 'blockquote') quote(child, true)
      }
      return
    }
    if (hasClass(node, 'wp-block-embed')) {
      flush()
      const url = clean(textOf(node).replace(captionText ?? '', ''))
      const check = url ? checkHref(url) : null
      if (check?.ok && isEmbeddable(check.href)) push({ type: 'embed', url: check.href })
      else if (check?.ok && /^https?:/.test(check.href)) {
        notes.approximation('embed', 'An embed’s address is too long to embed; it is a link.')
        push({ type: 'paragraph', children: [{ text: check.href, href: check.href }] })
      } else {
        notes.approximation(
          'embed',
          `An embed (${url.slice(0, 60) || 'no address'}) was left out: it has no web address.`,
        )
      }
      if (captionText) push({ type: 'paragraph', children: [{ text: captionText, italic: true }] })
      return
    }
    for (const child of inner) block(child)
    flush()
    if (captionText) push({ type: 'paragraph', children: [{ text: captionText, italic: true }] })
  }

  const comment = (data: string) => {
    const match = /^\s*(\/)?wp:([a-z0-9/_-]+)(\s+(\{[\s\S]*\}))?\s*(\/)?\s*$/i.exec(data)
    if (!match || match[1]) return
    const name = match[2]!.replace(/^core\//, '')
    if (!KNOWN_BLOCKS.has(name)) {
      notes.approximation(
        'unknown block',
        `The block "${name}" is not understood: ${match[5] ? 'it has no content in the export and was left out' : 'its text was kept'}.`,
      )
    } else if (name === 'html') {
      notes.approximation(
        'unknown block',
        'A Custom HTML block was read as text and formatting; its HTML was not kept.',
      )
    }
  }

  function block(node: T.ChildNode): void {
    if (node.nodeName === '#comment') {
      comment((node as T.CommentNode).data)
      return
    }
    if (node.nodeName === '#text') {
      const value = (node as T.TextNode).value
      // Classic-editor text: a blank line ends a paragraph (WordPress's own wpautop rule).
      const parts = value.split(/\n[ \t]*\n/)
      parts.forEach((part, index) => {
        if (index > 0) flush()
        addText(part, {})
      })
      return
    }
    if (!isElement(node)) return
    const tag = node.tagName
    if (tag === 'p') {
      flush()
      reportHandlers(node, notes)
      for (const child of node.childNodes) inline(child, {})
      flush()
    } else if (/^h[1-6]$/.test(tag)) heading(node)
    else if (tag === 'ul' || tag === 'ol') {
      flush()
      reportHandlers(node, notes)
      const list = listOf(node)
      if (
        list.items.some((item) =>
          item.some((run) => (typeof run === 'string' ? run : run.text).trim()),
        )
      )
        push(list)
    } else if (tag === 'blockquote')
      quote(node, hasClass(node, 'wp-block-pullquote') || hasClass(node, 'kg-blockquote-alt'))
    else if (tag === 'pre') code(node)
    else if (tag === 'table') table(node, null)
    else if (tag === 'figure') {
      flush()
      reportHandlers(node, notes)
      figure(node)
    } else if (tag === 'hr') {
      flush()
      push({ type: 'rule' })
    } else if (
      [
        'div',
        'section',
        'article',
        'main',
        'aside',
        'header',
        'footer',
        'nav',
        'center',
        'dl',
        'dt',
        'dd',
        'details',
        'summary',
        'form',
        'fieldset',
        'address',
      ].includes(tag)
    ) {
      reportHandlers(node, notes)
      flush()
      for (const child of node.childNodes) block(child)
      flush()
    } else inline(node, {})
  }

  for (const node of parseFragment(html).childNodes) block(node)
  flush()
  if (sections.length === 0) sections.push({ heading: headline, blocks: [] })
  return { sections, tables, images, firstParagraph }
}

/** An address an embed block takes: the web's, within the block's length limit. */
const isEmbeddable = (href: string) => /^https?:/.test(href) && href.length <= EMBED_URL_MAX_LENGTH

/**
 * The page a provider's player shows, which oEmbed knows (a YouTube or Vimeo player
 * address is not one): any other address is kept as it is.
 */
export function pageOfPlayer(address: string): string {
  const url = new URL(address)
  const host = url.hostname.replace(/^www\./, '')
  const youtube = /^\/embed\/([\w-]{6,20})$/.exec(url.pathname)
  if (youtube && (host === 'youtube.com' || host === 'youtube-nocookie.com')) {
    return `https://www.youtube.com/watch?v=${youtube[1]}`
  }
  const vimeo = /^\/video\/(\d{1,15})$/.exec(url.pathname)
  if (vimeo && host === 'player.vimeo.com') return `https://vimeo.com/${vimeo[1]}`
  return address
}

/**
 * A code block from its text and the language it was marked with (`js`, `python`…): the
 * language a code block lists, else Plain text (reported); over-long code is cut (reported).
 * Null when there is no code.
 */
export function codeBlock(
  named: string | null | undefined,
  raw: string,
  notes: BodyNotes,
): ContentBlock | null {
  const language = named ? languageOf(named.toLowerCase()) : 'plaintext'
  if (named && language === 'plaintext' && !['plaintext', 'text'].includes(named.toLowerCase())) {
    notes.approximation(
      'code',
      `A code block in "${named.slice(0, 30)}" is labelled Plain text (not a language the code block lists).`,
    )
  }
  let text = raw.replace(/\s+$/, '')
  if (!text.trim()) return null
  if (text.length > CODE_MAX_LENGTH) {
    notes.approximation(
      'code',
      `A code block of ${text.length} characters was cut to ${CODE_MAX_LENGTH} (a code block's limit).`,
    )
    text = text.slice(0, CODE_MAX_LENGTH)
  }
  return { type: 'code', language, code: text }
}

/** A highlighter's language name (`js`, `py`, `shell`…) as a code block's language. */
function languageOf(name: string): string {
  const alias: Record<string, string> = {
    js: 'javascript',
    jsx: 'javascript',
    ts: 'typescript',
    tsx: 'typescript',
    py: 'python',
    rb: 'ruby',
    sh: 'bash',
    shell: 'bash',
    zsh: 'bash',
    console: 'bash',
    yml: 'yaml',
    md: 'markdown',
    'c++': 'cpp',
    cs: 'csharp',
    rs: 'rust',
    kt: 'kotlin',
    golang: 'go',
    htm: 'html',
    text: 'plaintext',
    plain: 'plaintext',
    txt: 'plaintext',
  }
  const key = alias[name] ?? name
  return key in CODE_LANGUAGES ? key : 'plaintext'
}

/** A figure's images, each with its own caption (a gallery's images are figures of their own). */
function galleryImages(node: T.Element): { img: T.Element; caption: string | null }[] {
  const found: { img: T.Element; caption: string | null }[] = []
  const walk = (n: T.ChildNode, caption: string | null) => {
    if (!isElement(n)) return
    if (n.tagName === 'img') {
      found.push({ img: n, caption })
      return
    }
    if (n !== node && n.tagName === 'figure') {
      const own = n.childNodes.find((c) => isElement(c) && c.tagName === 'figcaption')
      const text = own ? clean(textOf(own)) : ''
      n.childNodes.forEach((child) => child !== own && walk(child, text || null))
      return
    }
    if (n.tagName === 'figcaption' && n.parentNode === node) return
    n.childNodes.forEach((child) => walk(child, caption))
  }
  node.childNodes.forEach((child) => walk(child, null))
  return found
}

/** The one image of a figure holding nothing else readable (an image, maybe inside a link). */
function loneImage(nodes: T.ChildNode[]): T.Element | null {
  const imgs: T.Element[] = []
  let text = ''
  const walk = (n: T.ChildNode) => {
    if (n.nodeName === '#text') text += (n as T.TextNode).value
    if (!isElement(n)) return
    if (n.tagName === 'img') imgs.push(n)
    else n.childNodes.forEach(walk)
  }
  nodes.forEach(walk)
  return imgs.length === 1 && !text.trim() ? imgs[0]! : null
}

function countImages(node: T.Element): number {
  let count = 0
  const walk = (n: T.ChildNode) => {
    if (isElement(n)) {
      if (n.tagName === 'img') count += 1
      n.childNodes.forEach(walk)
    }
  }
  node.childNodes.forEach(walk)
  return count
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Collapses whitespace, joins runs of one style and trims the ends; [] when nothing is left. */
function tidy(runs: Run[]): ContentInline[] {
  const merged: Run[] = []
  for (const run of runs) {
    const text = run.text.replace(/\s+/g, ' ')
    const last = merged[merged.length - 1]
    if (last && TEXT_MARKS.every((mark) => last[mark] === run[mark]) && last.href === run.href) {
      last.text += text
    } else merged.push({ ...run, text })
  }
  if (merged.length > 0) {
    merged[0]!.text = merged[0]!.text.replace(/^ +/, '')
    merged[merged.length - 1]!.text = merged[merged.length - 1]!.text.replace(/ +$/, '')
  }
  for (let i = 1; i < merged.length; i += 1) {
    if (merged[i - 1]!.text.endsWith(' ') && merged[i]!.text.startsWith(' ')) {
      merged[i]!.text = merged[i]!.text.slice(1)
    }
  }
  return merged
    .filter((run) => run.text !== '')
    .map((run): ContentInline => {
      const marks = TEXT_MARKS.filter((mark) => run[mark])
      if (marks.length === 0 && !run.href) return run.text
      return {
        text: run.text,
        ...Object.fromEntries(marks.map((mark) => [mark, true])),
        ...(run.href ? { href: run.href } : {}),
      }
    })
}
