import {
  BlocksFeature,
  FixedToolbarFeature,
  HeadingFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'
import type { ArrayField, UIField } from 'payload'

import { CodeBlock } from '@/blocks/Code/config'
import { ComparisonTableBlock } from '@/blocks/ComparisonTable/config'
import { FaqBlock } from '@/blocks/Faq/config'
import { EmbedBlock } from '@/blocks/Embed/config'
import { GalleryBlock } from '@/blocks/Gallery/config'
import { PullQuoteBlock } from '@/blocks/PullQuote/config'

/**
 * Sections are h2 on the page; headings inside a section's text start at h3. Lexical's defaults
 * bring the rest: bold, italic, underline, strikethrough, inline code, superscript, subscript,
 * lists, quotes, links, images from Media (the upload feature), and the horizontal rule.
 */
const sectionEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'heading'),
    HeadingFeature({ enabledHeadingSizes: ['h3', 'h4'] }),
    BlocksFeature({
      blocks: [ComparisonTableBlock, FaqBlock, CodeBlock, GalleryBlock, PullQuoteBlock, EmbedBlock],
    }),
    FixedToolbarFeature(),
  ],
})

/** The article body: titled sections, in order. The table of contents is built from them. */
export const bodyField: ArrayField = {
  name: 'body',
  label: 'Sections',
  labels: { singular: 'Section', plural: 'Sections' },
  type: 'array',
  required: true,
  minRows: 1,
  maxRows: 60,
  admin: {
    initCollapsed: false,
    components: { RowLabel: '/src/components/admin/SectionRowLabel#SectionRowLabel' },
  },
  fields: [
    { name: 'heading', type: 'text', required: true, maxLength: 300 },
    {
      name: 'anchor',
      type: 'text',
      maxLength: 80,
      admin: {
        description:
          'The #link to this section. Made from the heading when empty; keep it once published so shared links keep working.',
      },
    },
    { name: 'content', type: 'richText', editor: sectionEditor },
    {
      name: 'keywordFocus',
      label: 'Keyword focus',
      type: 'text',
      hasMany: true,
      maxRows: 12,
      admin: {
        description:
          'The search phrases this section answers (shown to readers as "Keyword focus").',
      },
    },
    {
      // Shown only when a save is refused because someone else changed this section meanwhile.
      name: 'conflict',
      type: 'ui',
      admin: {
        components: { Field: '/src/components/admin/Coediting/SectionConflict#SectionConflict' },
      },
    },
  ],
}

/** The body's length in the sidebar, live: words and reading time, as the reader page counts them. */
export const articleLengthField: UIField = {
  name: 'articleLength',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '@/components/admin/Editor/ArticleLength#ArticleLength' },
  },
}
