/**
 * Seed content is kept as plain, typed data so it can be read and reviewed
 * like copy; `src/seed/lexical.ts` turns it into Lexical rich text.
 */

/** A run of text: plain, bold, or a link. */
export type SeedInline = string | { text: string; bold?: boolean; italic?: boolean; href?: string }

export type SeedBlock =
  | { type: 'paragraph'; children: SeedInline[] }
  | { type: 'list'; ordered?: boolean; items: SeedInline[][] }
  /** A subheading inside a section (sections themselves are h2). */
  | { type: 'heading'; tag: 'h3' | 'h4'; children: SeedInline[] }
  | { type: 'quote'; children: SeedInline[] }
  /** A comparison table, by its key in `SeedContent.tables`. */
  | { type: 'table'; table: string }
  /** One FAQ block listing FAQ documents, by their keys in `SeedContent.faqs`. */
  | { type: 'faq'; faqs: string[] }

export interface SeedDesk {
  heading: string
  /** The section's "Keyword focus" line, split on commas. */
  keywordFocus?: string[]
  blocks: SeedBlock[]
}

export interface SeedTable {
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

export interface SeedFaq {
  key: string
  question: string
  answer: string
}

export interface SeedAuthor {
  slug: string
  name: string
  /** A staff byline ("Archyde Staff") is an organisation, not a person. */
  kind: 'person' | 'organization'
  bio?: string
}

export interface SeedArticle {
  slug: string
  headline: string
  dek: string
  breaking?: boolean
  /** Author slugs. */
  authors: string[]
  /** Section slug. */
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
  sections: SeedDesk[]
}

export interface SeedContent {
  sections: { slug: string; name: string; description: string }[]
  tags: { slug: string; name: string }[]
  authors: SeedAuthor[]
  tables: SeedTable[]
  faqs: SeedFaq[]
  articles: SeedArticle[]
}
