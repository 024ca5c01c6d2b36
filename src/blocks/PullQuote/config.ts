import type { Block } from 'payload'

export const PULL_QUOTE_MAX_LENGTH = 600
export const ATTRIBUTION_MAX_LENGTH = 200

/** A line from the article (or a person in it) set large, with who said it. */
export const PullQuoteBlock: Block = {
  slug: 'pullQuote',
  interfaceName: 'PullQuoteBlock',
  labels: { singular: 'Pull quote', plural: 'Pull quotes' },
  fields: [
    { name: 'quote', type: 'textarea', required: true, maxLength: PULL_QUOTE_MAX_LENGTH },
    {
      name: 'attribution',
      type: 'text',
      maxLength: ATTRIBUTION_MAX_LENGTH,
      admin: {
        description: 'Who said it (and, if useful, their role). Left empty: no attribution.',
      },
    },
  ],
}
