import type { ArrayField, CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

export const CORRECTION_KINDS = [
  { label: 'Correction', value: 'correction' },
  { label: 'Update', value: 'update' },
] as const

/** The article's public log of corrections and updates, shown at its end. */
export const correctionsField: ArrayField = {
  name: 'corrections',
  label: 'Corrections and updates',
  labels: { singular: 'Entry', plural: 'Entries' },
  type: 'array',
  maxRows: 50,
  admin: {
    initCollapsed: true,
    description:
      'Readers see these at the end of the article, newest first. A substantive entry also sets the article’s “Updated” time.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'correction',
          options: [...CORRECTION_KINDS],
          admin: { width: '30%' },
        },
        {
          name: 'date',
          type: 'date',
          required: true,
          defaultValue: () => new Date().toISOString(),
          admin: { width: '40%', date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'substantive',
          type: 'checkbox',
          defaultValue: true,
          admin: {
            width: '30%',
            description: 'Changes what the story says (not a typo or a link).',
          },
        },
      ],
    },
    {
      name: 'text',
      type: 'textarea',
      required: true,
      maxLength: 1000,
      admin: { description: 'What was wrong and what is right now, or what was added.' },
    },
  ],
}

/**
 * A substantive correction or update moves the article's "Updated" time (and
 * its JSON-LD dateModified) to the entry's date; minor ones leave it alone.
 */
export const dateFromCorrections: CollectionBeforeChangeHook<Article> = ({ data }) => {
  const latest = Math.max(
    ...(data.corrections ?? [])
      .filter((entry) => entry.substantive !== false && entry.date)
      .map((entry) => Date.parse(entry.date as string))
      .filter((time) => !Number.isNaN(time)),
  )
  const published = data.publishedAt ? Date.parse(data.publishedAt) : -Infinity
  // An entry can only postdate publication; an earlier date (a typo) never moves the time back.
  if (
    Number.isFinite(latest) &&
    latest > published &&
    (!data.modifiedAt || latest > Date.parse(data.modifiedAt))
  ) {
    data.modifiedAt = new Date(latest).toISOString()
  }
  return data
}
