import { checkHref, HREF_RULE } from './safeHref'

/**
 * What a stored Lexical text may hold, checked on every save (drafts and
 * autosaves too, which skip field validation): only node types the field's
 * editor knows, block and heading kinds it allows, and addresses that pass the
 * URL policy. A forged node type crashes the admin editor (Lexical error #17)
 * for whoever opens the article next; a forged address reaches readers.
 * Content rules that only matter at publish (empty sections, alt text) stay
 * with the checklist.
 */
export interface EditorShape {
  /** Node types the editor registers, besides Lexical's own (root, paragraph, text…). */
  nodeTypes: ReadonlySet<string>
  blockTypes: ReadonlySet<string>
  headingTags: ReadonlySet<string>
}

interface Node {
  type?: unknown
  tag?: unknown
  listType?: unknown
  text?: unknown
  fields?: Record<string, unknown> | null
  children?: unknown
  [key: string]: unknown
}

const CORE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab']
const LIST_TAGS = new Set(['ol', 'ul'])
const LIST_TYPES = new Set(['bullet', 'number', 'check'])
/** The properties that carry an address, on a node or in its fields — for every node type. */
const URL_KEYS = ['url', 'href', 'src'] as const
/** Deeper than any real article (a list in a quote in a list…); a forged text can go thousands deep. */
export const MAX_NESTING = 64

const quote = (text: string, max = 80) =>
  `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`

export function textOf(node: Node): string {
  const words: string[] = []
  visit({ root: node }, (inner) => {
    if (typeof inner.text === 'string') words.push(inner.text)
  })
  return words.join('')
}

export interface UnsafeLink {
  text: string
  href: string
  reason: string
}

/** Every address in a text that the URL policy refuses, with the words it is on. */
export function unsafeLinks(content: unknown): UnsafeLink[] {
  const found: UnsafeLink[] = []
  visit(content, (node) => {
    for (const holder of [node, node.fields]) {
      if (!holder || typeof holder !== 'object') continue
      for (const key of URL_KEYS) {
        const href = holder[key]
        if (href === undefined || href === null || href === '') continue
        const check = checkHref(href)
        if (!check.ok) found.push({ text: textOf(node), href: String(href), reason: check.reason })
      }
    }
  })
  return found
}

/** The first thing wrong with a text's structure or addresses, as a sentence an author can act on. */
export function richTextProblem(content: unknown, shape: EditorShape): string | null {
  if (content === null || content === undefined) return null
  const root = (content as { root?: Node }).root
  if (typeof content !== 'object' || !root || root.type !== 'root') {
    return 'This text is not in the editor’s format (no root node). Paste it into the editor instead of sending raw data.'
  }
  let problem: string | null = null
  visit(content, (node, depth) => {
    if (problem) return
    problem =
      depth > MAX_NESTING
        ? `The text nests elements more than ${MAX_NESTING} deep (a quote in a quote in a quote…), which no article needs and the page cannot show. Flatten it.`
        : nodeProblem(node, shape)
  })
  if (problem) return problem
  const [link] = unsafeLinks(content)
  if (link) {
    return `The link ${quote(link.text || link.href)} goes to ${quote(link.href)}, which is refused: ${link.reason}. ${HREF_RULE}`
  }
  return null
}

function nodeProblem(node: Node, shape: EditorShape): string | null {
  const type = node.type
  if (typeof type !== 'string' || !(CORE_TYPES.includes(type) || shape.nodeTypes.has(type))) {
    return `The text holds an element of type ${quote(String(type))} that this editor does not have, so it cannot be opened or shown. Remove it (it may have come from a script or another editor).`
  }
  if (node.children !== undefined && !Array.isArray(node.children)) {
    return `A ${type} element in the text is malformed (its children are not a list).`
  }
  if (type === 'text' && typeof node.text !== 'string') {
    return 'A piece of text in the text is malformed (it has no words).'
  }
  if (type === 'heading' && !shape.headingTags.has(String(node.tag))) {
    return `A heading in the text is of kind ${quote(String(node.tag))}; this editor allows ${[...shape.headingTags].join(', ')}.`
  }
  if (
    type === 'list' &&
    (!LIST_TAGS.has(String(node.tag)) || !LIST_TYPES.has(String(node.listType)))
  ) {
    return 'A list in the text is of a kind this editor does not have (bullet, numbered or checklist).'
  }
  if (
    (type === 'block' || type === 'inlineBlock') &&
    !shape.blockTypes.has(String(node.fields?.blockType))
  ) {
    return `The text embeds a block of kind ${quote(String(node.fields?.blockType))}; this editor allows ${[...shape.blockTypes].join(', ') || 'none'}.`
  }
  return null
}

/** Each node of a text with its depth (the root's children are at 1), parents before children. */
function visit(content: unknown, onNode: (node: Node, depth: number) => void): void {
  // A stack, not recursion: a forged text may nest deeper than the call stack goes.
  const stack: [unknown, number][] = [[(content as { root?: unknown } | null)?.root, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!node || typeof node !== 'object') continue
    onNode(node as Node, depth)
    const { children } = node as Node
    if (!Array.isArray(children)) continue
    for (let index = children.length - 1; index >= 0; index -= 1) {
      stack.push([children[index], depth + 1])
    }
  }
}

/**
 * A copy of a text whose refused addresses are removed: links then render as their words.
 * Copied node by node with the same stack (structuredClone recurses and throws a RangeError
 * on a text stored deeper than it goes, failing the whole page); only the node objects,
 * their children lists and their fields are copied, as they are all this changes. A text
 * stored deeper than MAX_NESTING (before the limit) shows its deepest parts as plain words:
 * Lexical's converter recurses too, and past a few hundred levels drops them.
 */
export function withSafeUrls<T>(content: T): T {
  const root = (content as { root?: unknown } | null)?.root
  if (!root || typeof root !== 'object') return content
  const copy = { ...content, root: { ...root } } as T
  visit(copy, (node, depth) => {
    if (depth === MAX_NESTING && Array.isArray(node.children)) {
      Object.assign(node, {
        type: 'paragraph',
        children: [{ type: 'text', version: 1, format: 0, text: textOf(node) }],
      })
    }
    if (Array.isArray(node.children)) {
      node.children = node.children.map((child: unknown) =>
        child && typeof child === 'object' ? { ...child } : child,
      )
    }
    if (node.fields && typeof node.fields === 'object') node.fields = { ...node.fields }
    for (const holder of [node, node.fields]) {
      if (!holder || typeof holder !== 'object') continue
      for (const key of URL_KEYS) {
        if (typeof holder[key] === 'string' && !checkHref(holder[key]).ok) holder[key] = null
      }
    }
  })
  return copy
}
