import type { ContentFaq, ContentSection, ContentTable } from '@/content/types'

import type { ImageRef } from './wordpress/html'

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
  /** The front matter's image (its address, maybe relative to the file): the hero. */
  heroImage: { src: string; alt: string; line: number | null } | null
  sections: ContentSection[]
  tables: ContentTable[]
  faqs: ContentFaq[]
  /** The images the body shows, by the keys its image blocks use. */
  images: ImageRef[]
  /** The plain text of the first paragraph, for a dek when the file has none. */
  firstParagraph: string | null
}

/** The article part of a file: its sections and what they hold. */
export interface ImportedBody {
  headline: string | null
  sections: ContentSection[]
  tables: ContentTable[]
  faqs: ContentFaq[]
  images: ImageRef[]
  /** The plain text of the first paragraph, for a dek when the file has none. */
  firstParagraph: string | null
}
