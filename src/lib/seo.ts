import type { Article, Media } from '@/payload-types'

/** What search engines and share cards get for an article: the SEO fields, else headline, dek and hero. */
export function seoOf(article: Pick<Article, 'headline' | 'dek' | 'heroImage' | 'meta'>): {
  title: string
  description: string
  image: Media | null
} {
  const meta = article.meta
  const image = typeof meta?.image === 'object' && meta.image ? meta.image : null
  const hero = typeof article.heroImage === 'object' && article.heroImage ? article.heroImage : null
  return {
    title: meta?.title?.trim() || article.headline,
    description: meta?.description?.trim() || article.dek,
    image: image ?? hero,
  }
}
