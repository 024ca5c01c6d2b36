import { createLocalReq, type Payload } from 'payload'

import { urls } from '@/lib/urls'

import { checkArticle } from './gate'
import type { ChecklistResult } from './index'
import type { ArticleInput } from './prepare'

export interface LintedArticle extends ChecklistResult {
  slug: string
  path: string | null
  status: string
}

/**
 * The checklist over stored articles — the latest version of each, draft or
 * published — by slug, or all of them. For `npm run lint:content`.
 */
export async function lintArticles(
  payload: Payload,
  slugs: string[] = [],
): Promise<LintedArticle[]> {
  const req = await createLocalReq({}, payload)
  const results: LintedArticle[] = []
  for (let page = 1; ; page += 1) {
    const batch = await payload.find({
      collection: 'articles',
      where: slugs.length ? { slug: { in: slugs } } : {},
      draft: true,
      depth: 1,
      populate: { sections: { slug: true } },
      sort: 'slug',
      limit: 50,
      page,
      req,
    })
    for (const article of batch.docs) {
      const result = await checkArticle(article as ArticleInput, req)
      results.push({
        ...result,
        slug: article.slug ?? String(article.id),
        path: urls.article(article),
        status: article._status ?? 'draft',
      })
    }
    if (!batch.hasNextPage) break
  }
  return results
}

/** The report the CLI prints: one block per article, errors first. */
export function formatReport(results: LintedArticle[]): string {
  const lines: string[] = []
  for (const result of results) {
    lines.push(
      `${result.path ?? result.slug} (${result.status}): ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
    )
    for (const finding of result.findings) {
      lines.push(`  ${finding.severity.padEnd(7)} ${finding.rule.padEnd(18)} ${finding.message}`)
    }
  }
  const errors = results.reduce((sum, result) => sum + result.errors.length, 0)
  const warnings = results.reduce((sum, result) => sum + result.warnings.length, 0)
  lines.push(`${results.length} article(s) checked: ${errors} error(s), ${warnings} warning(s).`)
  return lines.join('\n')
}
