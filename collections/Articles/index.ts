import type { CollectionConfig } from 'payload'

import {
  createArticles,
  deleteArticles,
  readArticleVersions,
  readArticles,
  refuseAuthorUnpublish,
  updateArticles,
} from '@/access/articles'
import { checklistEndpoint } from '@/checklist/endpoint'
import { checklistFields } from '@/checklist/fields'
import { publishGate } from '@/checklist/gate'
import {
  editBaseField,
  editKeepField,
  fillEditBase,
  mergeConcurrentEdits,
  sendEditTag,
} from '@/coediting/hooks'
import { correctionsField, dateFromCorrections } from '@/corrections/fields'
import { resolveEmbeds } from '@/embeds/resolve'
import { createdByField } from '@/fields/createdBy'
import { slugField } from '@/fields/slug'
import { importEndpoint } from '@/import/endpoint'
import { presenceEndpoints } from '@/presence/endpoint'
import { editSessionField } from '@/presence/fields'
import { refuseTakenOverSave } from '@/presence/refuseTakenOverSave'
import { env } from '@/env'
import { articlePreviewPath, livePreviewUrl } from '@/lib/preview'
import { indexArticleForSearch } from '@/lib/searchIndex'
import { authorReviewFields, editorReviewFields } from '@/review/fields'

import { livePathEndpoint } from './endpoints/livePath'
import { articleLengthField, bodyField } from './fields/body'
import { deleteComments } from './hooks/deleteComments'
import { prepareArticle } from './hooks/prepareArticle'
import { forgetArticleRedirects, redirectOldUrl, rememberLiveUrl } from './hooks/redirectOldUrl'
import { revalidateArticle, revalidateArticleDelete } from './hooks/revalidateArticle'
import { scheduleBreakingExpiry } from './hooks/scheduleBreakingExpiry'
import { setBreakingUntil } from './hooks/setBreakingUntil'

export const Articles: CollectionConfig<'articles'> = {
  slug: 'articles',
  admin: {
    useAsTitle: 'headline',
    defaultColumns: ['headline', 'section', 'authors', 'reviewStatus', 'publishedAt', 'updatedAt'],
    listSearchableFields: ['headline', 'dek', 'slug'],
    group: 'Newsroom',
    components: {
      beforeListTable: [
        '@/components/admin/Import/ImportArticle#ImportArticle',
        '@/components/admin/Import/ImportArchive#ImportArchive',
      ],
      edit: {
        beforeDocumentControls: [
          '@/components/admin/Editor/ViewOnSite#ViewOnSite',
          '@/components/admin/Presence/Presence#Presence',
        ],
      },
    },
    preview: (doc, { req }) => articlePreviewPath(doc, req),
    livePreview: {
      url: ({ data, req }) => livePreviewUrl(data, req, env.NEXT_PUBLIC_SERVER_URL),
      breakpoints: [
        { label: 'Phone', name: 'phone', width: 375, height: 667 },
        { label: 'Tablet', name: 'tablet', width: 768, height: 1024 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 800 },
      ],
    },
  },
  access: {
    read: readArticles,
    readVersions: readArticleVersions,
    create: createArticles,
    update: updateArticles,
    delete: deleteArticles,
  },
  versions: {
    // schedulePublish: editors pick a time under Publish → Schedule; the jobs runner publishes then.
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 100,
  },
  defaultSort: '-publishedAt',
  // Desk pages list a section's articles newest first; this keeps them (and their counts) fast as the archive grows.
  indexes: [{ fields: ['section', '_status', 'publishedAt'] }],
  defaultPopulate: { headline: true, slug: true, section: true, dek: true, publishedAt: true },
  endpoints: [checklistEndpoint, importEndpoint, livePathEndpoint, ...presenceEndpoints],
  // The sidebar, in the order a person works: an author's review box first (it is their next
  // move), then desk, byline, tags and date, the checklist, an editor's review box, the rest.
  fields: [
    {
      // Shown only when a save is refused because someone else changed a field meanwhile.
      name: 'fieldConflicts',
      type: 'ui',
      admin: {
        components: { Field: '/src/components/admin/Coediting/FieldConflicts#FieldConflicts' },
      },
    },
    ...authorReviewFields,
    {
      name: 'headline',
      type: 'text',
      required: true,
      maxLength: 160,
      admin: {
        description: 'Aim for under 110 characters.',
        components: { afterInput: ['@/components/admin/Editor/HeadlineLength#HeadlineLength'] },
      },
    },
    {
      name: 'dek',
      label: 'Dek (summary)',
      type: 'textarea',
      required: true,
      maxLength: 300,
      admin: { description: 'One or two sentences under the headline; also the meta description.' },
    },
    { name: 'heroImage', label: 'Hero image', type: 'upload', relationTo: 'media' },
    bodyField,
    editSessionField,
    correctionsField,
    {
      name: 'section',
      label: 'Desk',
      type: 'relationship',
      relationTo: 'sections',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'authors',
      label: 'Byline',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      required: true,
      minRows: 1,
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      label: 'Published',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set automatically on first publish.',
      },
    },
    articleLengthField,
    ...checklistFields,
    ...editorReviewFields,
    slugField('headline'),
    {
      name: 'breaking',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description:
          'Shows a "Breaking" label with the headline and a banner across the site until the time below.',
      },
    },
    {
      name: 'breakingUntil',
      label: 'Breaking until',
      type: 'date',
      admin: {
        position: 'sidebar',
        condition: (data) => Boolean(data?.breaking),
        date: { pickerAppearance: 'dayAndTime' },
        description:
          'The label and the banner go at this time. Left empty: three hours after publishing (or after ticking Breaking on a live story). A time already past is refused; on a story that is breaking now it ends the banner at once.',
      },
    },
    {
      name: 'commentsEnabled',
      label: 'Allow comments',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        position: 'sidebar',
        description: 'Turn off to close comments; approved comments stay visible.',
      },
    },
    {
      name: 'modifiedAt',
      label: 'Updated',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set by a substantive correction or update below, or by hand; readers see it.',
      },
    },
    createdByField,
    {
      name: 'embeddedTables',
      type: 'relationship',
      relationTo: 'comparison-tables',
      hasMany: true,
      admin: { position: 'sidebar', readOnly: true, description: 'Kept up to date from the text.' },
    },
    {
      name: 'embeddedFaqs',
      label: 'Embedded FAQs',
      type: 'relationship',
      relationTo: 'faqs',
      hasMany: true,
      admin: { position: 'sidebar', readOnly: true, description: 'Kept up to date from the text.' },
    },
    {
      // Where an import took this article from (src/import/archive.ts): a re-run finds it here,
      // updates it when the source changed and leaves it alone when it did not.
      // The import's report on this article sits here too, beside the draft, and the publish
      // checklist flags it until someone has gone through it (src/checklist/rules.ts).
      name: 'importedFrom',
      label: 'Imported from',
      type: 'group',
      admin: {
        position: 'sidebar',
        condition: (data) => Boolean(data?.importedFrom?.source || data?.importedFrom?.notes),
      },
      fields: [
        { name: 'source', type: 'text', index: true, admin: { readOnly: true } },
        { name: 'hash', type: 'text', admin: { hidden: true } },
        {
          name: 'notes',
          label: 'What the import could not carry exactly',
          type: 'textarea',
          admin: {
            readOnly: true,
            condition: (data) => Boolean(data?.importedFrom?.notes),
            description: 'One line each, with the line of the file it concerns where known.',
          },
        },
        {
          name: 'notesChecked',
          label: 'I have checked these in the text',
          type: 'checkbox',
          defaultValue: false,
          admin: { condition: (data) => Boolean(data?.importedFrom?.notes) },
        },
      ],
    },
    editBaseField,
    editKeepField,
  ],
  hooks: {
    // A tab someone took over never saves (src/presence), whatever else the save would do; then
    // a save that says what it was based on merges section by section (src/coediting).
    beforeOperation: [refuseTakenOverSave, mergeConcurrentEdits],
    // Order matters: each hook reads what the one before it settled.
    // 1. refuseAuthorUnpublish first, so a refused save does no work.
    // 2. prepareArticle derives anchors, embeds and the first publishedAt…
    // 3. …which dateFromCorrections compares corrections against (never before publication),
    //    and setBreakingUntil counts the default "Breaking until" from.
    // 4. publishGate runs the checklist on the data as it will be stored (anchors, embeds, dates).
    // 5. rememberLiveUrl last: it reads the live row only for a save that got this far.
    beforeChange: [
      refuseAuthorUnpublish,
      resolveEmbeds,
      prepareArticle,
      dateFromCorrections,
      setBreakingUntil,
      publishGate,
      rememberLiveUrl,
    ],
    afterRead: [fillEditBase],
    afterChange: [indexArticleForSearch, redirectOldUrl, revalidateArticle, scheduleBreakingExpiry],
    afterOperation: [sendEditTag],
    beforeDelete: [deleteComments, forgetArticleRedirects],
    afterDelete: [revalidateArticleDelete],
  },
}
