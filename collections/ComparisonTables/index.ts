import type { CollectionConfig } from 'payload'

import { contributedWithDrafts } from '@/access/referenceData'
import { createdByField } from '@/fields/createdBy'
import { holdAuthorEditsForReview, publishNewByDefault } from '@/review/sharedContent'
import { refuseDeleteWhileEmbedded, revalidateEmbedders } from '@/revalidation/embedders'

import { COLUMN_TYPES } from './columnTypes'
import { checkRowCells } from './validateRows'

/** A reusable, versioned table of figures, placed in articles through the comparison-table block. */
export const ComparisonTables: CollectionConfig = {
  slug: 'comparison-tables',
  labels: { singular: 'Comparison table', plural: 'Comparison tables' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'asOf', 'sourceNote', 'updatedAt'],
    listSearchableFields: ['title', 'caption', 'sourceNote'],
    group: 'Reusable content',
  },
  access: contributedWithDrafts,
  // Drafts: an author's change to an FAQ or table that is live in an article waits for an editor.
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    createdByField,
    { name: 'title', type: 'text', required: true, maxLength: 150 },
    {
      name: 'caption',
      type: 'textarea',
      maxLength: 300,
      admin: { description: 'Shown to readers above the table. Defaults to the title.' },
    },
    {
      name: 'columns',
      type: 'array',
      required: true,
      minRows: 2,
      maxRows: 8,
      labels: { singular: 'Column', plural: 'Columns' },
      // One grid edits the columns and the rows together, in this same stored shape.
      admin: { components: { Field: '@/components/admin/TableGrid#TableGrid' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, maxLength: 80 },
            {
              name: 'type',
              type: 'select',
              required: true,
              defaultValue: 'text',
              options: COLUMN_TYPES.map((value) => ({ label: value, value })),
            },
          ],
        },
      ],
    },
    {
      name: 'rows',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 100,
      labels: { singular: 'Row', plural: 'Rows' },
      admin: {
        description: 'Each row needs one cell per column; the first cell heads the row.',
        components: { Field: '@/components/admin/TableGrid/RowsInGrid#RowsInGrid' },
      },
      fields: [
        {
          name: 'cells',
          type: 'array',
          required: true,
          labels: { singular: 'Cell', plural: 'Cells' },
          fields: [{ name: 'value', type: 'text', maxLength: 300 }],
        },
      ],
    },
    {
      name: 'sourceNote',
      type: 'text',
      maxLength: 300,
      admin: {
        description:
          'Where the figures come from, e.g. "Based on public pricing (TechInsights, 2024)".',
      },
    },
    {
      name: 'asOf',
      label: 'As of',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' },
        description: 'The date the figures were true.',
      },
    },
  ],
  hooks: {
    beforeOperation: [
      publishNewByDefault,
      holdAuthorEditsForReview('embeddedTables', 'comparison table'),
    ],
    beforeValidate: [checkRowCells],
    afterChange: [revalidateEmbedders('embeddedTables')],
    beforeDelete: [refuseDeleteWhileEmbedded('embeddedTables', 'comparison table')],
  },
}
