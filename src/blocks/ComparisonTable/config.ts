import type { Block } from 'payload'

/** Places a reusable comparison table inside a section's text. */
export const ComparisonTableBlock: Block = {
  slug: 'comparisonTable',
  interfaceName: 'ComparisonTableBlock',
  labels: { singular: 'Comparison table', plural: 'Comparison tables' },
  // The editor's block header names the table and shows its first rows, not an "Untitled" block name.
  admin: { components: { Label: '@/blocks/ComparisonTable/Label#ComparisonTableLabel' } },
  fields: [
    {
      name: 'table',
      type: 'relationship',
      relationTo: 'comparison-tables',
      required: true,
    },
  ],
}
