import type { GlobalConfig } from 'payload'

import { editors } from '@/access/roles'
import { cacheTags } from '@/queries/tags'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

/** Moderation settings editors manage. Private: the blocklist must not tell spammers what to avoid. */
export const CommentSettings: GlobalConfig = {
  slug: 'comment-settings',
  label: 'Comment settings',
  admin: { group: 'Comments' },
  access: { read: editors, update: editors },
  hooks: {
    // Article pages show whether comments are open; they re-render on their next view.
    afterChange: [
      ({ doc, req }) => (
        invalidate({ cacheTags: [cacheTags.commentSettings()], paths: [] }, scopeOf(req)),
        doc
      ),
    ],
  },
  fields: [
    {
      name: 'closeAfterDays',
      label: 'Close comments after (days)',
      type: 'number',
      min: 1,
      admin: {
        description:
          'Comments close this many days after an article is published. Leave empty to keep them open until an editor turns them off on the article.',
      },
    },
    {
      name: 'hourlyLimit',
      label: 'Comments per hour from one address or email',
      type: 'number',
      required: true,
      defaultValue: 10,
      min: 1,
      max: 1000,
      admin: { description: 'Beyond this, readers are asked to wait (HTTP 429).' },
    },
    {
      name: 'blocklist',
      type: 'textarea',
      admin: {
        description:
          'One word or phrase per line. A comment containing one (in its text or name) is held with the word shown to moderators. Case does not matter.',
      },
    },
  ],
}
