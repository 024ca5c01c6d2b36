import type { CollectionConfig } from 'payload'

import { admins, editors, isEditor } from '@/access/roles'
import { importRunEndpoint } from '@/import/runs'

/**
 * Archive imports started from the admin (Articles → Import a WordPress or
 * Ghost export): one row per upload, with its progress while it runs and its
 * report when it is done (src/import/runs.ts). Any replica can answer how far
 * a run has got; nobody edits a run.
 */
export const ImportRuns: CollectionConfig = {
  slug: 'import-runs',
  labels: { singular: 'Import', plural: 'Imports' },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'platform', 'status', 'done', 'total', 'createdAt'],
    group: 'Newsroom',
    description:
      'WordPress and Ghost exports imported from the admin, with each report. Start one from Articles.',
    hidden: ({ user }) => !isEditor(user),
  },
  access: {
    read: editors,
    create: () => false,
    update: () => false,
    delete: admins,
  },
  endpoints: [importRunEndpoint],
  fields: [
    { name: 'filename', type: 'text', required: true },
    {
      name: 'platform',
      type: 'select',
      required: true,
      options: [
        { label: 'WordPress (WXR)', value: 'wordpress' },
        { label: 'Ghost (JSON)', value: 'ghost' },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'running',
      options: [
        { label: 'Running', value: 'running' },
        { label: 'Done', value: 'done' },
        { label: 'Failed', value: 'failed' },
      ],
    },
    { name: 'fetchMedia', label: 'Images fetched from the old site', type: 'checkbox' },
    { name: 'total', type: 'number', defaultValue: 0 },
    { name: 'done', type: 'number', defaultValue: 0 },
    { name: 'imported', type: 'number', defaultValue: 0 },
    { name: 'updated', type: 'number', defaultValue: 0 },
    { name: 'unchanged', type: 'number', defaultValue: 0 },
    { name: 'skipped', type: 'number', defaultValue: 0 },
    {
      name: 'report',
      type: 'json',
      admin: { description: 'Notes, skipped items, approximations by kind, what was created.' },
    },
    { name: 'error', type: 'textarea', admin: { description: 'Why the run stopped, if it did.' } },
    { name: 'finishedAt', type: 'date' },
    { name: 'startedBy', type: 'relationship', relationTo: 'users' },
  ],
}
