import type { Block } from 'payload'

/** Places a reusable comparison table inside a section's text. */
export const ComparisonTableBlock: Block = {
  slug: 'comparisonTable',
  interfaceName: 'ComparisonTableBlock',
  labels: { singular: 'Comparison table', plural: 'Comparison tables' },
  fields: [
    {
      name: 'table',
      type: 'relationship',
      relationTo: 'comparison-tables',
      required: true,
    },
  ],
}
