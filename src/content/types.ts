import type { EmbedBlock } from '@/payload-types'

/**
 * Article content as plain, typed data: what the seed is written in, what the
 * importer (src/import/) turns a file into, and what tests build from. It can
 * be read and reviewed like copy; `src/seed/lexical.ts` turns it into Lexical
 * rich text.
 */

/** A run of text: plain, or formatted (the marks Lexical has), or a link. */
export type ContentInline = string | ContentRun

export interface ContentRun {
  text: string
  bold?: boolean
  italic?: boolean
  /** Inline code (also `<kbd>`, `<samp>` from an import). */
  code?: boolean
  strikethrough?: boolean
  underline?: boolean
  subscript?: boolean
  superscript?: boolean
  href?: string
}

export type ContentBlock =
  | { type: 'paragraph'; children: ContentInline[] }
  | ContentList
  /** A subheading inside a section (sections themselves are h2). */
  | { type: 'heading'; tag: 'h3' | 'h4'; children: ContentInline[] }
  | { type: 'quote'; children: ContentInline[] }
  /** A comparison table, by its key in `ContentSet.tables`. */
  | { type: 'table'; table: string }
  /** One FAQ block listing FAQ documents, by their keys in `ContentSet.faqs`. */
  | { type: 'faq'; faqs: string[] }
  /** Code or preformatted text, kept exactly; `language` is a key of CODE_LANGUAGES. */
  | { type: 'code'; language: string; code: string }
  | { type: 'pullQuote'; quote: string; attribution?: string }
  /** A horizontal rule (a separator). */
  | { type: 'rule' }
  /** An image from Media, by its key in the ids given to `toLexical` (an import resolves it). */
  | { type: 'image'; image: string }
  | { type: 'gallery'; images: { image: string; caption?: string }[]; caption?: string }
  /**
   * An embed by its address; `card` is the one the server made (src/embeds/resolve.ts). Without
   * it the reader sees a plain link until the article is next saved in the admin.
   */
  | { type: 'embed'; url: string; card?: EmbedBlock['card'] }

/** A list; `nested[i]`, when given, is a list under item i (a WordPress import keeps nesting). */
export interface ContentList {
  type: 'list'
  ordered?: boolean
  items: ContentInline[][]
  nested?: (ContentList | null)[]
}

export interface ContentSection {
  heading: string
  /** The section's "Keyword focus" line, split on commas. */
  keywordFocus?: string[]
  blocks: ContentBlock[]
}

export interface ContentTable {
  key: string
  title: string
  caption?: string
  columns: { label: string; type: 'text' | 'number' }[]
  /** Each row has exactly one cell per column; the first cell heads the row. */
  rows: string[][]
  sourceNote?: string
  /** ISO date (YYYY-MM-DD) the figures are valid for. */
  asOf?: string
}

export interface ContentFaq {
  key: string
  question: string
  answer: string
}

export interface ContentAuthor {
  slug: string
  name: string
  /** A staff byline ("Archyde Staff") is an organisation, not a person. */
  kind: 'person' | 'organization'
  bio?: string
}

export interface ContentArticle {
  slug: string
  headline: string
  dek: string
  breaking?: boolean
  /** Author slugs. */
  authors: string[]
  /** Desk slug (the article's `section` field). */
  section: string
  /** Tag slugs. */
  tags: string[]
  /** ISO timestamp. */
  publishedAt: string
  /** ISO timestamp of the last substantive update readers see, if any. */
  updatedAt?: string
  hero?: {
    alt: string
    caption?: string
    credit?: string
    /** two hex colours for a generated image */ palette: [string, string]
  }
  sections: ContentSection[]
}

/** Everything the seed creates. */
export interface ContentSet {
  /** Desks (collection `sections`). */
  sections: { slug: string; name: string; description: string }[]
  tags: { slug: string; name: string }[]
  authors: ContentAuthor[]
  tables: ContentTable[]
  faqs: ContentFaq[]
  articles: ContentArticle[]
}
