import { seoPlugin } from '@payloadcms/plugin-seo'

import { withDescriptions } from '@/fields/describe'
import type { Article } from '@/payload-types'

import { articlePath } from '@/lib/articlePath'
import { absoluteUrl } from '@/lib/urls'

type DraftArticle = Partial<Pick<Article, 'headline' | 'dek' | 'slug' | 'heroImage' | 'section'>>

const HINTS: Record<string, string> = {
  title: 'What search results and share cards show as the title. Leave empty to use the headline.',
  description: 'The snippet under the title in search results. Leave empty to use the dek.',
  image: 'The share image. Leave empty to use the hero image (or a generated card).',
}

/**
 * @payloadcms/plugin-seo on articles: a title and description with length
 * guidance, a search-result preview, and "auto-generate" buttons that fill
 * them from the headline, dek and hero. Empty fields fall back to those on
 * the page too (see `seoOf` in src/lib/seo.ts).
 */
export const seo = seoPlugin({
  collections: ['articles'],
  uploadsCollection: 'media',
  fields: ({ defaultFields }) => withDescriptions(defaultFields, HINTS),
  generateTitle: ({ doc }: { doc: DraftArticle }) => doc.headline ?? '',
  generateDescription: ({ doc }: { doc: DraftArticle }) => doc.dek ?? '',
  generateImage: ({ doc }: { doc: DraftArticle }) => {
    const hero = doc.heroImage
    return typeof hero === 'object' && hero ? hero.id : (hero ?? '')
  },
  generateURL: async ({ doc, req }) => {
    const path = await articlePath(doc as DraftArticle, req.payload, req)
    return absoluteUrl(path ?? '/')
  },
})
