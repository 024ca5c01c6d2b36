import { StringDecoder } from 'node:string_decoder'

import sax from 'sax'

/**
 * Reads a WordPress export (WXR: RSS 2.0 with `wp:` elements) as a stream: the
 * file is fed to a SAX parser chunk by chunk and each `<item>`, author, category
 * and tag is handed out as soon as it closes, so memory holds one item at a time
 * however large the export. The generator pulls the next chunk only when the
 * caller asks for the next record: a slow import slows the read, never buffers.
 */

/** An element as read: its attributes, its text (CDATA included) and its child elements. */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  text: string
  children: XmlElement[]
}

export type WxrRecord =
  | { kind: 'channel'; name: string; text: string }
  | { kind: 'author' | 'category' | 'tag' | 'term' | 'item'; element: XmlElement; line: number }

/** The export cannot be read at all (not XML, not WXR): nothing is imported from the rest. */
export class WxrUnreadable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WxrUnreadable'
  }
}

const RECORDS: Record<string, Exclude<WxrRecord['kind'], 'channel'>> = {
  item: 'item',
  'wp:author': 'author',
  'wp:category': 'category',
  'wp:tag': 'tag',
  'wp:term': 'term',
}

/** The most text one element may hold (a post's HTML): beyond it the export is refused. */
export const MAX_ELEMENT_CHARS = 8 * 1024 * 1024

export async function* readWxr(
  chunks: AsyncIterable<string | Buffer>,
): AsyncGenerator<WxrRecord, void, undefined> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true })
  const ready: WxrRecord[] = []
  // Open elements from the root; `collecting` is the record being built, if any.
  const path: string[] = []
  let collecting: {
    kind: Exclude<WxrRecord['kind'], 'channel'>
    root: XmlElement
    line: number
  } | null = null
  const stack: XmlElement[] = []
  let channelText: string | null = null
  let sawChannel = false
  let failure: Error | null = null

  parser.onopentag = (tag) => {
    const name = tag.name
    path.push(name)
    if (name === 'channel' && path.length === 2 && path[0] === 'rss') sawChannel = true
    const attrs: Record<string, string> = {}
    for (const [key, value] of Object.entries(tag.attributes)) attrs[key] = String(value)
    const element: XmlElement = { name, attrs, text: '', children: [] }
    if (collecting) {
      stack[stack.length - 1]!.children.push(element)
      stack.push(element)
      return
    }
    const kind = RECORDS[name]
    if (kind && path.length === 3 && path[1] === 'channel') {
      collecting = { kind, root: element, line: parser.line + 1 }
      stack.push(element)
      return
    }
    channelText = path.length === 3 && path[1] === 'channel' ? '' : null
  }
  const onText = (text: string) => {
    if (collecting) {
      const current = stack[stack.length - 1]!
      if (current.text.length + text.length > MAX_ELEMENT_CHARS) {
        failure = new WxrUnreadable(
          `Line ${parser.line + 1}: <${current.name}> holds more than ${MAX_ELEMENT_CHARS / 1024 / 1024} MB of text; the export cannot be imported.`,
        )
        return
      }
      current.text += text
    } else if (channelText !== null) channelText += text
  }
  parser.ontext = onText
  parser.oncdata = onText
  parser.onclosetag = (name) => {
    path.pop()
    if (collecting) {
      stack.pop()
      if (stack.length === 0) {
        ready.push({ kind: collecting.kind, element: collecting.root, line: collecting.line })
        collecting = null
      }
      return
    }
    if (channelText !== null && path.length === 2) {
      ready.push({ kind: 'channel', name, text: channelText.trim() })
      channelText = null
    }
  }
  parser.onerror = (error) => {
    failure = new WxrUnreadable(
      `The file is not well-formed XML (line ${parser.line + 1}): ${error.message.split('\n')[0]}`,
    )
  }

  let first = true
  // A character's bytes may straddle two chunks: the decoder keeps the first part for the next.
  const decoder = new StringDecoder('utf8')
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk)
    if (first) {
      text = text.replace(/^\uFEFF/, '')
      first = false
    }
    parser.write(text)
    if (failure) throw failure
    if (!sawChannel && parser.position > 64 * 1024) {
      throw new WxrUnreadable('This is not a WordPress export: no <rss><channel> at its start.')
    }
    while (ready.length > 0) yield ready.shift()!
  }
  const rest = decoder.end()
  if (rest) parser.write(rest)
  parser.close()
  if (failure) throw failure
  if (!sawChannel)
    throw new WxrUnreadable('This is not a WordPress export: it has no <rss><channel>.')
  while (ready.length > 0) yield ready.shift()!
}

/** Counts the items of an export in one streaming pass, for the progress line's total. */
export async function countItems(chunks: AsyncIterable<string | Buffer>): Promise<number> {
  let total = 0
  for await (const record of readWxr(chunks)) if (record.kind === 'item') total += 1
  return total
}

/** The text of the first child called `name`, trimmed; '' when there is none. */
export function childText(element: XmlElement, name: string): string {
  return element.children.find((child) => child.name === name)?.text.trim() ?? ''
}

/** The raw text (not trimmed) of the first child called `name`: post HTML keeps its blank lines. */
export function childRaw(element: XmlElement, name: string): string {
  return element.children.find((child) => child.name === name)?.text ?? ''
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name)
}
