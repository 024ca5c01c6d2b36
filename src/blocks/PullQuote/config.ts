import type { Block } from 'payload'

/** A line from the article (or a person in it) set large, with who said it. */
export const PullQuoteBlock: Block = {
  slug: 'pullQuote',
  interfaceName: 'PullQuoteBlock',
  labels: { singular: 'Pull quote', plural: 'Pull quotes' },
  fields: [
    { name: 'quote', type: 'textarea', required: true, maxLength: 600 },
    {
      name: 'attribution',
      type: 'text',
      maxLength: 200,
      admin: {
        description: 'Who said it (and, if useful, their role). Left empty: no attribution.',
      },
    },
  ],
}
