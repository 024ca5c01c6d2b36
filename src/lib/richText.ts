import { idOf } from './ids'

/**
 * Walks Lexical JSON for the documents a text embeds through blocks. Used to
 * keep an article's `embeddedTables` / `embeddedFaqs` current, which is how a
 * table or FAQ edit finds the pages to refresh and how deletes are refused.
 */
type Id = number
interface LexicalNode {
  type?: string
  fields?: { blockType?: string; table?: unknown; faqs?: unknown }
  children?: LexicalNode[]
}

export function collectEmbeds(contents: unknown[]): { tables: Id[]; faqs: Id[] } {
  const tables = new Set<Id>()
  const faqs = new Set<Id>()
  const visit = (node: LexicalNode | undefined): void => {
    if (!node || typeof node !== 'object') return
    if (node.type === 'block' && node.fields) {
      if (node.fields.blockType === 'comparisonTable') {
        const id = idOf(node.fields.table)
        if (id !== null) tables.add(id)
      }
      if (node.fields.blockType === 'faq' && Array.isArray(node.fields.faqs)) {
        for (const faq of node.fields.faqs) {
          const id = idOf(faq)
          if (id !== null) faqs.add(id)
        }
      }
    }
    node.children?.forEach(visit)
  }
  for (const content of contents) {
    visit((content as { root?: LexicalNode } | null | undefined)?.root)
  }
  return { tables: [...tables], faqs: [...faqs] }
}

interface TextNode {
  type?: string
  text?: string
  children?: TextNode[]
}

/** The words of a Lexical text, blocks (tables, FAQs) left out: for reading time and search. */
export function plainText(content: unknown): string {
  const parts: string[] = []
  const visit = (node: TextNode | undefined): void => {
    if (!node || typeof node !== 'object' || node.type === 'block') return
    if (typeof node.text === 'string') parts.push(node.text)
    node.children?.forEach(visit)
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listitem')
      parts.push('\n')
  }
  visit((content as { root?: TextNode } | null)?.root)
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .trim()
}
