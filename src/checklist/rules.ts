import { HREF_RULE } from '@/lib/safeHref'

import { caseSlips } from './capitalisation'
import type { Finding, Rule } from './types'
import { countWords, doubledWords, typos } from './words'

export const HEADLINE_MAX = 110
export const DESCRIPTION_RANGE = { min: 100, max: 150 }
export const LONG_PARAGRAPH_WORDS = 120
export const TABLE_MAX_AGE_MONTHS = 12

const quote = (text: string, max = 60) =>
  `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()

const error = (rule: string, message: string, section?: number): Finding => ({
  rule,
  severity: 'error',
  message,
  ...(section ? { section } : {}),
})
const warning = (rule: string, message: string, section?: number): Finding => ({
  ...error(rule, message, section),
  severity: 'warning',
})

// Errors: they block publishing unless an editor overrides them with a reason.

/** What an article cannot go out without, named as the sidebar and the form name it. */
export const missingRequired: Rule = ({ headline, dek, hasDesk, bylines, sections }) => [
  ...(headline.trim() ? [] : [error('required', 'The article has no headline: write one.')]),
  ...(dek.trim()
    ? []
    : [error('required', 'The article has no dek (summary): write one or two sentences.')]),
  ...(hasDesk ? [] : [error('required', 'No desk is chosen: choose one under Desk.')]),
  ...(bylines > 0 ? [] : [error('required', 'The article has no byline: add one under Byline.')]),
  ...(sections.length === 0
    ? [error('required', 'The article has no sections: add one with a heading and its text.')]
    : sections.flatMap((section, index) =>
        section.heading.trim()
          ? []
          : [error('required', `Section ${index + 1} has no heading: write one.`, index + 1)],
      )),
]

/** An import's report not gone through: what it could not carry may be wrong in the text. */
export const importNotesUnchecked: Rule = ({ importNotes }) =>
  importNotes > 0
    ? [
        error(
          'import-notes',
          `The import could not carry ${importNotes === 1 ? 'one thing' : `${importNotes} things`} exactly (listed under Imported from). Check ${importNotes === 1 ? 'it' : 'them'} in the text, then tick “I have checked these in the text”.`,
        ),
      ]
    : []

/** A heading with nothing under it: the table of contents would list an entry with no section behind it. */
export const emptySection: Rule = ({ sections }) =>
  sections.flatMap((section, index) =>
    section.paragraphs.some((text) => text.trim()) || section.embeds > 0
      ? []
      : [
          error(
            'empty-section',
            `Section ${index + 1} ${quote(section.heading)} has no text: the table of contents would list it with nothing behind it. Write it or remove it.`,
            index + 1,
          ),
        ],
  )

export const duplicateHeadings: Rule = ({ sections }) => {
  const first = new Map<string, number>()
  const findings: Finding[] = []
  sections.forEach((section, index) => {
    const key = normalise(section.heading)
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, index + 1)
    else
      findings.push(
        error(
          'duplicate-heading',
          `Sections ${earlier} and ${index + 1} have the same heading ${quote(section.heading)}; readers cannot tell them apart in the contents.`,
          index + 1,
        ),
      )
  })
  return findings
}

const PLACEHOLDER_ALT =
  /^(image|photo|picture|img|graphic|untitled|\S+\.(jpe?g|png|webp|gif|avif))$/i

export const imageWithoutAlt: Rule = ({ images }) =>
  images.flatMap((image) =>
    !image.alt?.trim() || PLACEHOLDER_ALT.test(image.alt.trim())
      ? [
          error(
            'image-alt',
            `The ${image.where} has no real alt text${image.alt ? ` (${quote(image.alt)})` : ''}: describe what it shows for readers who cannot see it.`,
          ),
        ]
      : [],
  )

/**
 * Figures need provenance: a table with neither a source note nor an "as of"
 * date is an error; one missing only one of them is a warning.
 */
export const tableWithoutSource: Rule = ({ tables }) =>
  tables.flatMap((table) => {
    const noSource = !table.sourceNote?.trim()
    const noDate = !table.asOf
    if (noSource && noDate) {
      return [
        error(
          'table-source',
          `The table ${quote(table.title)} has no source note and no “as of” date: readers need to know where the figures come from and when they were true.`,
        ),
      ]
    }
    if (noSource || noDate) {
      return [
        warning(
          'table-source',
          `The table ${quote(table.title)} has no ${noSource ? 'source note' : '“as of” date'}.`,
        ),
      ]
    }
    return []
  })

/** An address readers must never get (`javascript:`, `data:`, `//host`…): it would not be rendered. */
export const unsafeLink: Rule = ({ links }) =>
  links.flatMap((link) =>
    link.refused
      ? [
          error(
            'unsafe-link',
            `The link ${quote(link.text || link.href)} in ${link.where} goes to ${quote(link.href, 100)}, which is refused (${link.refused}). ${HREF_RULE}`,
            link.section,
          ),
        ]
      : [],
  )

export const linkToUnpublished: Rule = ({ links }) =>
  links.flatMap((link) =>
    link.target === 'unpublished' || link.target === 'missing'
      ? [
          error(
            'unpublished-link',
            `The link to ${link.href} in ${link.where} leads to an article readers cannot open (${link.target === 'missing' ? 'no such article' : 'not published'}).`,
          ),
        ]
      : [],
  )

export const headlineTooLong: Rule = ({ headline }) =>
  headline.length > HEADLINE_MAX
    ? [
        error(
          'headline-length',
          `The headline is ${headline.length} characters; keep it to ${HEADLINE_MAX} so it is not cut off in lists and search results.`,
        ),
      ]
    : []

// Warnings: shown to the editor, never blocking.

export const headingCase: Rule = ({ headline, sections }, { headingCase: style }) => {
  const label = style === 'sentence' ? 'sentence case' : 'title case'
  const check = (text: string, where: string, section?: number) => {
    const slips = caseSlips(text, style)
    return slips.length === 0
      ? []
      : [
          warning(
            'heading-case',
            `${where} ${quote(text)} is not in ${label} (house style): check ${slips.map((word) => `“${word}”`).join(', ')}.`,
            section,
          ),
        ]
  }
  return [
    ...check(headline, 'The headline'),
    ...sections.flatMap((section, index) =>
      check(section.heading, `Section ${index + 1}`, index + 1),
    ),
  ]
}

export const metaDescriptionLength: Rule = ({ metaDescription }) => {
  const length = metaDescription.trim().length
  const { min, max } = DESCRIPTION_RANGE
  if (length >= min && length <= max) return []
  return [
    warning(
      'description-length',
      `The search description is ${length} characters; ${min}–${max} shows in full in search results (set it under SEO, or shorten the dek).`,
    ),
  ]
}

export const keywordFocusGaps: Rule = ({ sections }) => {
  if (!sections.some((section) => section.keywordFocus.length > 0)) return []
  return sections.flatMap((section, index) =>
    section.keywordFocus.length === 0 && section.paragraphs.some((text) => text.trim())
      ? [
          warning(
            'keyword-focus',
            `Section ${index + 1} ${quote(section.heading)} has no keyword focus, while other sections do.`,
            index + 1,
          ),
        ]
      : [],
  )
}

export const staleTable: Rule = ({ tables }, { now }) => {
  const limit = new Date(now)
  limit.setUTCMonth(limit.getUTCMonth() - TABLE_MAX_AGE_MONTHS)
  return tables.flatMap((table) =>
    table.asOf && new Date(table.asOf) < limit
      ? [
          warning(
            'table-age',
            `The table ${quote(table.title)} is as of ${table.asOf}, more than ${TABLE_MAX_AGE_MONTHS} months ago: update the figures or say why they stand.`,
          ),
        ]
      : [],
  )
}

export const longParagraphs: Rule = ({ sections }) =>
  sections.flatMap((section, index) =>
    section.paragraphs
      .filter((text) => countWords(text) > LONG_PARAGRAPH_WORDS)
      .map((text) =>
        warning(
          'long-paragraph',
          `A paragraph in section ${index + 1} runs to ${countWords(text)} words (${quote(text, 40)}); consider splitting it.`,
          index + 1,
        ),
      ),
  )

export const repeatedWordsAndTypos: Rule = ({ headline, sections }) => {
  const texts: { text: string; where: string; section?: number }[] = [
    { text: headline, where: 'the headline' },
    ...sections.flatMap((section, index) =>
      [section.heading, ...section.paragraphs].map((text) => ({
        text,
        where: `section ${index + 1}`,
        section: index + 1,
      })),
    ),
  ]
  return texts.flatMap(({ text, where, section }) => [
    ...doubledWords(text).map((pair) =>
      warning('repeated-word', `“${pair}” in ${where}: a doubled word.`, section),
    ),
    ...typos(text).map(({ typo, correction }) =>
      warning('typo', `“${typo}” in ${where}: did you mean “${correction}”?`, section),
    ),
  ])
}

/** Every rule, errors first. */
export const RULES: Rule[] = [
  missingRequired,
  importNotesUnchecked,
  emptySection,
  duplicateHeadings,
  imageWithoutAlt,
  tableWithoutSource,
  unsafeLink,
  linkToUnpublished,
  headlineTooLong,
  headingCase,
  metaDescriptionLength,
  keywordFocusGaps,
  staleTable,
  longParagraphs,
  repeatedWordsAndTypos,
]
