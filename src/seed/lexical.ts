import type { ContentBlock, ContentInline, ContentList } from '@/content/types'

/**
 * Turns seed copy into Lexical JSON, the shape the admin editor saves.
 * Tables and FAQs are referenced by id, resolved from their seed keys.
 */
type LexicalNode = { type: string; version: number; [key: string]: unknown }

export interface LexicalRoot {
  [key: string]: unknown
  root: {
    type: 'root'
    children: LexicalNode[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}

/** Lexical's text format bits. */
const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const

/** The marks a run of text can carry (ContentRun's flags), each one Lexical format bit. */
export const TEXT_MARKS = Object.keys(FORMAT) as (keyof typeof FORMAT)[]

function text(value: string, format = 0) {
  return { type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 }
}

function inline(run: ContentInline) {
  if (typeof run === 'string') return text(run)
  let format = 0
  for (const [mark, bit] of Object.entries(FORMAT)) {
    if (run[mark as keyof typeof FORMAT]) format |= bit
  }
  if (!run.href) return text(run.text, format)
  return {
    type: 'link',
    fields: { linkType: 'custom', url: run.href, newTab: false },
    children: [text(run.text, format)],
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 3,
  }
}

const element = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

/** A list as Lexical keeps it: a nested list is a list item of its own after its parent item. */
function list(block: ContentList): LexicalNode {
  const children: LexicalNode[] = []
  block.items.forEach((item, i) => {
    children.push({ ...element, type: 'listitem', value: i + 1, children: item.map(inline) })
    const nested = block.nested?.[i]
    if (nested)
      children.push({ ...element, type: 'listitem', value: i + 2, children: [list(nested)] })
  })
  return {
    ...element,
    type: 'list',
    listType: block.ordered ? 'number' : 'bullet',
    tag: block.ordered ? 'ol' : 'ul',
    start: 1,
    children,
  }
}

/** One of the editor's blocks (BlocksFeature), as Lexical saves it. */
function blockNode(blockType: string, id: string, fields: Record<string, unknown>): LexicalNode {
  return {
    type: 'block',
    version: 2,
    format: '',
    fields: { id, blockName: '', blockType, ...fields },
  }
}

export function toLexical(
  blocks: ContentBlock[],
  ids: { tables: Map<string, number>; faqs: Map<string, number>; images?: Map<string, number> },
): LexicalRoot {
  const lookup = (map: Map<string, number>, key: string) => {
    const id = map.get(key)
    if (id === undefined) throw new Error(`Seed content refers to unknown key "${key}"`)
    return id
  }
  const children = blocks.map((block, index): LexicalNode => {
    switch (block.type) {
      case 'paragraph':
        return {
          ...element,
          type: 'paragraph',
          textFormat: 0,
          textStyle: '',
          children: block.children.map(inline),
        }
      case 'heading':
        return { ...element, type: 'heading', tag: block.tag, children: block.children.map(inline) }
      case 'quote':
        return { ...element, type: 'quote', children: block.children.map(inline) }
      case 'list':
        return list(block)
      case 'table':
        return blockNode('comparisonTable', `seed-table-${index}`, {
          table: lookup(ids.tables, block.table),
        })
      case 'faq':
        return blockNode('faq', `seed-faq-${index}`, {
          faqs: block.faqs.map((key) => lookup(ids.faqs, key)),
        })
      case 'code':
        return blockNode('code', `seed-code-${index}`, {
          language: block.language,
          code: block.code,
        })
      case 'pullQuote':
        return blockNode('pullQuote', `seed-pull-quote-${index}`, {
          quote: block.quote,
          ...(block.attribution ? { attribution: block.attribution } : {}),
        })
      case 'rule':
        return { type: 'horizontalrule', version: 1 }
      case 'image':
        return {
          type: 'upload',
          relationTo: 'media',
          value: lookup(ids.images ?? new Map(), block.image),
          fields: null,
          format: '',
          version: 3,
        }
      case 'gallery':
        return blockNode('gallery', `seed-gallery-${index}`, {
          ...(block.caption ? { caption: block.caption } : {}),
          images: block.images.map((entry) => ({
            image: lookup(ids.images ?? new Map(), entry.image),
            ...(entry.caption ? { caption: entry.caption } : {}),
          })),
        })
      case 'embed':
        return blockNode('embed', `seed-embed-${index}`, {
          url: block.url,
          ...(block.card ? { card: block.card } : {}),
        })
    }
  })
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }
}

/** A plain-text answer as one Lexical paragraph per line. */
export function plainTextToLexical(value: string): LexicalRoot {
  return toLexical(
    value.split('\n').map((line) => ({ type: 'paragraph', children: [line] })),
    { tables: new Map(), faqs: new Map() },
  )
}
