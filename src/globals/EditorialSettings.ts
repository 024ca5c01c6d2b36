import type { GlobalConfig } from 'payload'

import { editors, staff } from '@/access/roles'

/** House style the publish checklist enforces. */
export const EditorialSettings: GlobalConfig = {
  slug: 'editorial-settings',
  label: 'Editorial settings',
  admin: { group: 'Newsroom' },
  access: { read: staff, update: editors },
  fields: [
    {
      name: 'headingCase',
      label: 'Headlines and headings',
      type: 'select',
      required: true,
      defaultValue: 'sentence',
      options: [
        {
          label: 'Sentence case (“Ren Zhengfei says the US and China diverge”)',
          value: 'sentence',
        },
        { label: 'Title case (“Ren Zhengfei Says the US and China Diverge”)', value: 'title' },
      ],
      admin: {
        description:
          'The publish checklist warns about headlines and section headings written otherwise.',
      },
    },
  ],
}
