import type { Field, FieldHook } from 'payload'

import { editorsField, staffField } from '@/access/roles'

export const OVERRIDE_CONTEXT = 'checklistOverride'

/**
 * The record is kept by the server only: what a request sends is ignored, the
 * stored entries are kept, and the publish gate's new entry (if any) is added.
 */
const keepOverrideRecord: FieldHook = ({ originalDoc, req }) => {
  const earlier = (originalDoc?.checklistOverrides ?? []) as unknown[]
  const added = req.context?.[OVERRIDE_CONTEXT]
  return added ? [...earlier, added] : earlier
}

/** The checklist panel, the override reason and the record of overrides, for the article sidebar. */
export const checklistFields: Field[] = [
  {
    name: 'checklist',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '@/components/admin/Checklist/ChecklistPanel#ChecklistPanel' },
    },
  },
  {
    name: 'publishOverrideReason',
    label: 'Publish despite checklist errors, because…',
    type: 'textarea',
    maxLength: 1000,
    access: { create: editorsField, update: editorsField },
    admin: {
      position: 'sidebar',
      description:
        'Only when the checklist blocks publishing and the story must go out anyway. The reason is kept with the article.',
    },
  },
  {
    name: 'checklistOverrides',
    label: 'Checklist overrides',
    type: 'array',
    access: { read: staffField },
    hooks: { beforeChange: [keepOverrideRecord] },
    admin: { position: 'sidebar', readOnly: true, initCollapsed: true },
    fields: [
      { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'by', type: 'relationship', relationTo: 'users' },
      { name: 'reason', type: 'textarea' },
      { name: 'errors', label: 'Errors overridden', type: 'textarea' },
    ],
  },
]
