import type { Field, GlobalConfig } from 'payload'

import { editors, staff } from '@/access/roles'
import { env } from '@/env'
import { refuseUnpublishedPins, rememberPins } from '@/frontPage/hooks'
import { revalidateFrontPage } from '@/frontPage/revalidate'
import { frontPageLivePreviewUrl } from '@/lib/preview'

/** The picker offers only stories readers can see (drafts and unpublished stories are left out). */
const publishedOnly = () => ({ _status: { equals: 'published' as const } })

const storyCount = (name: string, label: string, description: string): Field => ({
  name,
  label,
  type: 'number',
  required: true,
  defaultValue: 4,
  min: 1,
  max: 12,
  admin: { description, step: 1 },
})

/** What the home page shows, in which order: pinned stories first, the latest after them. */
export const FrontPage: GlobalConfig = {
  slug: 'front-page',
  label: 'Front page',
  admin: {
    group: 'Newsroom',
    description:
      'Pin the lead, the top stories and each desk’s first stories. Empty slots fill with the latest stories; a story appears once on the page.',
    livePreview: {
      url: ({ req }) => frontPageLivePreviewUrl(req, env.NEXT_PUBLIC_SERVER_URL),
      breakpoints: [
        { label: 'Phone', name: 'phone', width: 375, height: 667 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 800 },
      ],
    },
  },
  // The global holds only which stories go where; readers get its published version through
  // the home page, which looks each pinned story up as a reader (published stories only).
  access: { read: staff, readVersions: staff, update: editors },
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    max: 50,
  },
  hooks: {
    beforeValidate: [refuseUnpublishedPins],
    beforeChange: [rememberPins],
    afterChange: [revalidateFrontPage],
  },
  fields: [
    {
      name: 'pinNotice',
      type: 'ui',
      admin: {
        components: { Field: '@/components/admin/FrontPage/PinNotice#PinNotice' },
      },
    },
    {
      name: 'lead',
      label: 'Lead story',
      type: 'relationship',
      relationTo: 'articles',
      filterOptions: publishedOnly,
      admin: { description: 'Left empty: the latest story leads.' },
    },
    {
      name: 'topStories',
      label: 'Top stories',
      labels: { singular: 'Top story', plural: 'Top stories' },
      type: 'array',
      maxRows: 12,
      admin: {
        description: 'Pinned top stories, in the order shown (drag to reorder).',
        initCollapsed: false,
      },
      fields: [
        {
          name: 'article',
          label: 'Story',
          type: 'relationship',
          relationTo: 'articles',
          required: true,
          filterOptions: publishedOnly,
        },
      ],
    },
    storyCount(
      'topStoryCount',
      'How many top stories',
      'Slots not pinned above fill with the latest stories.',
    ),
    {
      name: 'deskRails',
      label: 'Desk rails',
      labels: { singular: 'Desk rail', plural: 'Desk rails' },
      type: 'array',
      admin: {
        description:
          'Which desks, in which order. None here: every desk, in desk order, with its four latest stories.',
      },
      fields: [
        {
          name: 'desk',
          label: 'Desk',
          type: 'relationship',
          relationTo: 'sections',
          required: true,
        },
        storyCount('count', 'How many stories', 'Pinned stories first, then the desk’s latest.'),
        {
          name: 'pinned',
          label: 'Pinned stories',
          type: 'relationship',
          relationTo: 'articles',
          hasMany: true,
          filterOptions: publishedOnly,
        },
      ],
    },
    {
      // Which story each pin held at the last save: a deleted story's pin empties itself, and the
      // notice still names it.
      name: 'pinnedHeadlines',
      type: 'json',
      admin: { hidden: true },
    },
  ],
}
