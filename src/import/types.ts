import type { ContentFaq, ContentSection, ContentTable } from '@/content/types'

/** A value from the file that names something in the newsroom (a desk, a byline, a topic). */
export interface NamedRef {
  value: string
  line: number | null
}

/** What a file says, before desks, bylines and topics are looked up. */
export interface ImportedArticle {
  headline: string | null
  dek: string | null
  breaking: boolean
  slug: string | null
  section: NamedRef | null
  bylines: NamedRef[]
  tags: NamedRef[]
  /** ISO timestamp of the original publication, if the file gives one. */
  date: string | null
  sections: ContentSection[]
  tables: ContentTable[]
  faqs: ContentFaq[]
  /** The plain text of the first paragraph, for a dek when the file has none. */
  firstParagraph: string | null
}

/** The article part of a file: its sections and what they hold. */
export interface ImportedBody {
  headline: string | null
  sections: ContentSection[]
  tables: ContentTable[]
  faqs: ContentFaq[]
  /** The plain text of the first paragraph, for a dek when the file has none. */
  firstParagraph: string | null
}
