import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleView } from '@/components/ArticleView'
import { JsonLd } from '@/components/JsonLd'
import { articleMetadata } from '@/lib/metadata'
import { breadcrumbs, faqPage, newsArticle } from '@/lib/structuredData'
import { RefreshOnSave } from '@/components/LivePreview/RefreshOnSave'
import { ViewBeacon } from '@/components/ViewBeacon'
import { commentsOpen } from '@/comments/closing'
import { getArticlePage } from '@/queries/articles'
import { getApprovedComments, getCommentSettings } from '@/queries/comments'
import { getRelatedArticles } from '@/queries/listings'

type Props = { params: Promise<{ desk: string; slug: string }> }

// Rendered on first request, then served from the cache until a publish revalidates it.
export const dynamicParams = true
export const revalidate = false
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { desk, slug } = await params
  const { article } = await getArticlePage(desk, slug)
  return article ? articleMetadata(article) : {}
}

export default async function ArticlePage({ params }: Props) {
  const { desk, slug } = await params
  const { article, preview } = await getArticlePage(desk, slug)
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
          <ViewBeacon articleId={article.id} />
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
