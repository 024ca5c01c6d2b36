import type { Metadata } from 'next'

import { RefreshOnSave } from '@/components/LivePreview/RefreshOnSave'
import { FrontPageView } from '@/components/FrontPage'
import { JsonLd } from '@/components/JsonLd'
import { MostRead } from '@/components/MostRead'
import { feedAlternates } from '@/lib/feedAlternates'
import { siteGraph } from '@/lib/structuredData'
import { urls } from '@/lib/urls'
import { getCommentCounts } from '@/queries/comments'
import { getFrontPage } from '@/queries/frontPage'

// Rendered per request from cached data (no database query on a cached view),
// so a build never needs a database.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: { canonical: urls.home(), types: feedAlternates() },
}

export default async function HomePage() {
  const frontPage = await getFrontPage()
  const shown = [
    frontPage.lead,
    ...frontPage.topStories,
    ...frontPage.rails.flatMap((r) => r.articles),
  ]
  const counts = await getCommentCounts(shown.flatMap((article) => (article ? [article.id] : [])))

  return (
    <div className="home">
      <JsonLd data={siteGraph()} />
      {frontPage.preview && (
        <>
          <RefreshOnSave />
          <p className="preview-banner" role="status">
            Preview: this is the front page’s latest draft, visible only to logged-in newsroom
            users. <a href="/next/exit-preview">Leave preview</a>
          </p>
        </>
      )}
      <h1 className="visually-hidden">Latest news</h1>
      {/* `aside` takes the "Most read" rail: beside the desk rails on a wide screen. */}
      <FrontPageView frontPage={frontPage} counts={counts} aside={<MostRead />} />
    </div>
  )
}
