import { DefaultTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isEditor } from '@/access/roles'
import { urls } from '@/lib/urls'
import { type ReadArticle, topArticles } from '@/mostRead/store'

/** How many articles each list shows. */
const LIMIT = 10

function startOfTodayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

function ViewsTable({ caption, articles }: { caption: string; articles: ReadArticle[] }) {
  if (articles.length === 0) {
    return (
      <section className="most-read-report__block">
        <h3>{caption}</h3>
        <p>No views counted yet.</p>
      </section>
    )
  }
  return (
    <table className="most-read-report__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Article</th>
          <th scope="col">Desk</th>
          <th scope="col">Views</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article, index) => {
          const path = urls.article({ slug: article.slug, section: { slug: article.deskSlug } })
          return (
            <tr key={article.id}>
              <td>{index + 1}</td>
              <td>
                <a href={`/admin/collections/articles/${article.id}`}>{article.headline}</a>
                {path && (
                  <>
                    {' '}
                    (<a href={path}>on the site</a>)
                  </>
                )}
              </td>
              <td>{article.deskName ?? 'No desk'}</td>
              <td>{article.views.toLocaleString('en-GB')}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/**
 * Admin → Most read (/admin/most-read): the most-read published articles
 * today (since midnight UTC) and over the last seven days, overall and per
 * desk. Editors only. Counts are the site's own (src/mostRead): people, not
 * bots, each counted once a day per article.
 */
export async function MostReadView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  if (!req.user) redirect('/admin/login?redirect=%2Fadmin%2Fmost-read')
  const template = {
    i18n: req.i18n,
    locale,
    params,
    payload: req.payload,
    permissions,
    req,
    searchParams,
    user: req.user,
    visibleEntities: {
      collections: visibleEntities?.collections ?? [],
      globals: visibleEntities?.globals ?? [],
    },
  }
  if (!isEditor(req.user)) {
    return (
      <DefaultTemplate {...template}>
        <div className="gutter--left gutter--right most-read-report">
          <h1>Most read</h1>
          <p>Only editors and admins can see what readers read most.</p>
        </div>
      </DefaultTemplate>
    )
  }
  const payload = req.payload
  const today = startOfTodayUtc()
  const week = new Date(today.getTime() - 6 * 86_400_000)
  const desks = await payload.find({
    collection: 'sections',
    depth: 0,
    limit: 100,
    sort: 'name',
    select: { name: true },
    req,
  })
  const [todayTop, weekTop, perDesk] = await Promise.all([
    topArticles(payload, { since: new Date(today.getTime() - 1), limit: LIMIT }),
    topArticles(payload, { since: new Date(week.getTime() - 1), limit: LIMIT }),
    Promise.all(
      desks.docs.map(async (desk) => ({
        desk,
        today: await topArticles(payload, {
          since: new Date(today.getTime() - 1),
          limit: 5,
          deskId: desk.id,
        }),
        week: await topArticles(payload, {
          since: new Date(week.getTime() - 1),
          limit: 5,
          deskId: desk.id,
        }),
      })),
    ),
  ])
  return (
    <DefaultTemplate {...template}>
      <div className="gutter--left gutter--right most-read-report">
        <h1>Most read</h1>
        <p>
          Views of published articles counted on this site: one per reader per article per day. Not
          counted: readers whose browser asks not to be tracked, bots, and pages fetched ahead of
          time. No cookies, and no reader’s address is stored. Days are in UTC.
        </p>
        <h2>All desks</h2>
        <ViewsTable caption="Today" articles={todayTop} />
        <ViewsTable caption="Last 7 days" articles={weekTop} />
        {perDesk.map(({ desk, today: deskToday, week: deskWeek }) => (
          <section key={desk.id} aria-labelledby={`most-read-desk-${desk.id}`}>
            <h2 id={`most-read-desk-${desk.id}`}>{desk.name}</h2>
            <ViewsTable caption={`${desk.name}: today`} articles={deskToday} />
            <ViewsTable caption={`${desk.name}: last 7 days`} articles={deskWeek} />
          </section>
        ))}
      </div>
    </DefaultTemplate>
  )
}
