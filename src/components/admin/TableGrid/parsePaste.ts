import type { Table } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { toString } from 'mdast-util-to-string'
import { gfm } from 'micromark-extension-gfm'
import Papa from 'papaparse'

/** A pasted block of cells, line by line; a line may be shorter than the others. */
export type PastedBlock = string[][]

const MARKDOWN_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/m

function parseMarkdownTable(text: string): PastedBlock | null {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const table = tree.children.find((node): node is Table => node.type === 'table')
  if (!table) return null
  return table.children.map((row) => row.children.map((cell) => toString(cell).trim()))
}

function parseDelimited(text: string, delimiter: '\t' | ','): PastedBlock {
  const { data } = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true })
  return data.map((line) => line.map((cell) => cell.trim()))
}

/**
 * Reads what an editor pasted as a block of cells: tab-separated (what Excel, Sheets and Numbers put
 * on the clipboard), a Markdown table (the delimiter row dropped), or CSV. Returns null for text that
 * is not a block — a single line without tabs, even one with commas ("$1,299") — so that it is pasted
 * into the one cell as typed.
 */
export function parsePastedCells(text: string): PastedBlock | null {
  // Only line breaks are trimmed: a trailing tab is an empty last cell.
  const trimmed = text.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '')
  if (!trimmed.trim()) return null
  if (trimmed.includes('\t')) return parseDelimited(trimmed, '\t')
  if (!trimmed.includes('\n')) return null
  if (MARKDOWN_DELIMITER_ROW.test(trimmed) && trimmed.includes('|')) {
    const markdown = parseMarkdownTable(trimmed)
    if (markdown) return markdown
  }
  return parseDelimited(trimmed, trimmed.includes(',') ? ',' : '\t')
}
