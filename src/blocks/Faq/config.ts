import type { Block } from 'payload'

/** Places reusable FAQ entries inside a section's text, as question/answer pairs. */
export const FaqBlock: Block = {
  slug: 'faq',
  interfaceName: 'FaqBlock',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  fields: [
    {
      name: 'faqs',
      label: 'Questions',
      type: 'relationship',
      relationTo: 'faqs',
      hasMany: true,
      required: true,
      minRows: 1,
    },
  ],
}
