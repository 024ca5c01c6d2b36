/**
 * The publish checklist works on a plain snapshot of an article (what the
 * editor has typed, with its tables, images and links looked up), so each
 * rule is a small pure function the admin panel, the publish gate and
 * `npm run lint:content` share.
 */
export type Severity = 'error' | 'warning'

export interface Finding {
  rule: string
  severity: Severity
  message: string
  /** 1-based section number, when the finding is about one section. */
  section?: number
}

export interface ChecklistSection {
  heading: string
  keywordFocus: string[]
  /** Paragraph and list-item texts, in order. */
  paragraphs: string[]
  /** Tables and FAQs count as content too. */
  embeds: number
}

export interface ChecklistImage {
  /** Where it is used: "hero image", "share image", "section 3". */
  where: string
  alt: string | null
}

export interface ChecklistTable {
  title: string
  sourceNote: string | null
  /** ISO date the figures are valid for. */
  asOf: string | null
}

export interface ChecklistLink {
  href: string
  where: string
  /** The linked words, as readers see them. */
  text?: string
  /** 1-based section number, for a link in the body. */
  section?: number
  /** Why the URL policy (src/lib/safeHref.ts) refuses the address, if it does. */
  refused?: string
  /** For a link to one of our articles: whether readers can open it. */
  target: 'published' | 'unpublished' | 'missing' | 'external'
}

export interface ChecklistArticle {
  headline: string
  dek: string
  /** Whether a desk is chosen. */
  hasDesk: boolean
  /** How many bylines the article carries. */
  bylines: number
  /** What search engines get: the SEO description, else the dek. */
  metaDescription: string
  /** Lines of the import's report not yet marked as checked (an imported article). */
  importNotes: number
  sections: ChecklistSection[]
  images: ChecklistImage[]
  tables: ChecklistTable[]
  links: ChecklistLink[]
}

export type HeadingCase = 'sentence' | 'title'

export interface ChecklistSettings {
  headingCase: HeadingCase
  /** "Today", for the age of tables. */
  now: Date
}

export type Rule = (article: ChecklistArticle, settings: ChecklistSettings) => Finding[]
