import type { CollectionConfig, FieldAccess } from 'payload'

import { approvedOrAuthenticated } from '@/access/approvedOrAuthenticated'
import { editors, editorsField, staffField } from '@/access/roles'
import { commentSubmissionOrAuthenticated } from '@/access/commentSubmission'

import { deleteReplies } from './hooks/deleteReplies'
import { notifyModerators } from './hooks/notifyModerators'
import { revalidateComment, revalidateCommentDelete } from './hooks/revalidateComments'
import { validateThread } from './hooks/validateThread'
import { COMMENT_STATUSES, STATUS_LABELS } from './statuses'

type Access3 = { read: FieldAccess; create: FieldAccess; update: FieldAccess }

/** Only the submission pipeline sets these; a REST or admin create cannot. */
const pipelineOnly: FieldAccess = ({ req }) => req.context?.commentSubmission === true

/** How the pipeline judged a comment: the newsroom reads it; only the pipeline sets it. */
const moderationFields: Access3 = { read: staffField, create: pipelineOnly, update: editorsField }

/** The commenter's personal data: moderating is an editor's job, so editors only. */
const commenterPrivate: Access3 = {
  read: editorsField,
  create: pipelineOnly,
  update: editorsField,
}

export const Comments: CollectionConfig<'comments'> = {
  slug: 'comments',
  labels: { singular: 'Comment', plural: 'Comments' },
  admin: {
    group: 'Comments',
    useAsTitle: 'authorName',
    defaultColumns: [
      'body',
      'authorName',
      'article',
      'status',
      'trust',
      'heldReasons',
      'createdAt',
    ],
    listSearchableFields: ['body', 'authorName', 'email'],
    description: 'Reader comments wait here until an editor approves them.',
    components: {
      beforeListTable: [
        '@/components/admin/Moderation/StatusFilters#StatusFilters',
        '@/components/admin/Moderation/ModerationActions#ModerationActions',
      ],
    },
  },
  access: {
    read: approvedOrAuthenticated,
    create: commentSubmissionOrAuthenticated,
    update: editors,
    delete: editors,
  },
  defaultSort: '-createdAt',
  hooks: {
    beforeValidate: [validateThread],
    beforeDelete: [deleteReplies],
    afterChange: [revalidateComment, notifyModerators],
    afterDelete: [revalidateCommentDelete],
  },
  fields: [
    {
      name: 'body',
      label: 'Comment',
      type: 'textarea',
      required: true,
      maxLength: 5000,
      admin: { description: 'Plain text, shown exactly as written (line breaks kept, no HTML).' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((value) => ({ label: STATUS_LABELS[value], value })),
      // Pending until an editor moderates it: a create never chooses (the pipeline sets pending).
      access: { create: pipelineOnly, update: editorsField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'parent',
      label: 'In reply to',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
      admin: { position: 'sidebar' },
    },
    { name: 'authorName', label: 'Name', type: 'text', required: true, maxLength: 80 },
    {
      name: 'email',
      type: 'email',
      required: true,
      index: true,
      access: { ...commenterPrivate, create: commentSubmissionOrAuthenticated },
      admin: { description: 'Private: editors only.' },
    },
    {
      name: 'trust',
      type: 'select',
      defaultValue: 'unverified',
      options: [
        { label: 'Proof of work solved', value: 'verified' },
        { label: 'No proof of work (JavaScript off)', value: 'unverified' },
      ],
      access: moderationFields,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'heldReasons',
      label: 'Held because',
      type: 'text',
      hasMany: true,
      access: moderationFields,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'ipHash',
      label: 'Address fingerprint',
      type: 'text',
      index: true,
      access: commenterPrivate,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description:
          'A salted hash of the IP address: the same reader matches, the address is not stored.',
      },
    },
    {
      name: 'userAgent',
      label: 'Browser',
      type: 'text',
      maxLength: 512,
      access: commenterPrivate,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'submissionKey',
      type: 'text',
      unique: true,
      access: commenterPrivate,
      admin: { hidden: true },
    },
    {
      name: 'challengeId',
      type: 'text',
      unique: true,
      access: commenterPrivate,
      admin: { hidden: true },
    },
  ],
  timestamps: true,
}
