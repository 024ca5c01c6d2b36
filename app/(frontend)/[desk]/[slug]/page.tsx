import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'

import { ArticleView } from '@/components/ArticleView'
import { JsonLd } from '@/components/JsonLd'
import { feedAlternates } from '@/lib/feedAlternates'
import { seoOf } from '@/lib/seo'
import { site } from '@/lib/site'
import { isSlug } from '@/lib/slugify'
import { articleImage, breadcrumbs, faqPage, newsArticle } from '@/lib/structuredData'
import { absoluteUrl, urls } from '@/lib/urls'
import type { Article } from '@/payload-types'
import { RefreshOnSave } from '@/components/LivePreview/RefreshOnSave'
import { getPreviewUser } from '@/queries/auth'
import { commentsOpen } from '@/comments/closing'
import { getDraftArticle, getPublishedArticle } from '@/queries/articles'
import { getApprovedComments, getCommentSettings } from '@/queries/comments'
import { getRelatedArticles } from '@/queries/listings'

type Props = { params: Promise<{ desk: string; slug: string }> }

// Rendered on first request, then served from the cache until a publish revalidates it.
export const dynamicParams = true
export const revalidate = false
export function generateStaticParams() {
  return []
}

async function loadArticle(
  desk: string,
  slug: string,
): Promise<{ article: Article | null; preview: boolean }> {
  if (!isSlug(desk) || !isSlug(slug)) return { article: null, preview: false }
  const { isEnabled } = await draftMode()
  if (isEnabled) {
    const user = await getPreviewUser()
    if (user) return { article: await getDraftArticle(desk, slug, user), preview: true }
  }
  return { article: await getPublishedArticle(desk, slug), preview: false }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { desk, slug } = await params
  const { article } = await loadArticle(desk, slug)
  if (!article) return {}
  const path = urls.article(article) ?? undefined
  // The SEO fields when the editor filled them; the headline, dek and hero otherwise.
  const { title, description, image: shareImage } = seoOf(article)
  const image = articleImage({ ...article, heroImage: shareImage })
  return {
    title,
    description,
    alternates: {
      canonical: path,
      types: feedAlternates(typeof article.section === 'object' ? article.section : null),
    },
    openGraph: {
      type: 'article',
      siteName: site.name,
      title,
      description,
      url: path ? absoluteUrl(path) : undefined,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.modifiedAt ?? article.publishedAt ?? undefined,
      section: typeof article.section === 'object' ? article.section?.name : undefined,
      images: [{ url: image, alt: shareImage?.alt ?? article.headline }],
    },
    twitter: { card: 'summary_large_image' },
  }
}

export default async function ArticlePage({ params }: Props) {
  const { desk, slug } = await params
  const { article, preview } = await loadArticle(desk, slug)
  if (!article) notFound()
  const [comments, settings, related] = await Promise.all([
    getApprovedComments(article.id),
    getCommentSettings(),
    preview ? Promise.resolve([]) : getRelatedArticles(article),
  ])
  return (
    <>
      {!preview && (
        <>
          <JsonLd data={newsArticle(article)} />
          <JsonLd data={breadcrumbs(article)} />
          <JsonLd data={faqPage(article)} />
        </>
      )}
      {preview && <RefreshOnSave />}
      <ArticleView
        article={article}
        comments={comments}
        commentsOpen={commentsOpen(article, settings)}
        related={related}
        preview={preview}
      />
    </>
  )
}
