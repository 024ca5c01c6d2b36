import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { isDraftSave } from '@/lib/drafts'
import type { Article } from '@/payload-types'

import { OVERRIDE_CONTEXT } from './fields'
import { runChecklist, type ChecklistResult } from './index'
import { type ArticleInput, snapshotArticle } from './prepare'
import type { ChecklistSettings } from './types'

export async function checklistSettings(req: PayloadRequest): Promise<ChecklistSettings> {
  const settings = await req.payload.findGlobal({ slug: 'editorial-settings', depth: 0, req })
  return { headingCase: settings.headingCase ?? 'sentence', now: new Date() }
}

/** The checklist for an article as saved or as typed. */
export async function checkArticle(
  input: ArticleInput,
  req: PayloadRequest,
): Promise<ChecklistResult> {
  const [article, settings] = await Promise.all([
    snapshotArticle(input, req),
    checklistSettings(req),
  ])
  return runChecklist(article, settings)
}

/**
 * The gate: publishing an article with checklist errors is refused, naming
 * them, unless an editor writes why it should go out anyway — that reason,
 * who gave it, when and what it overrode stay on the article.
 */
export const publishGate: CollectionBeforeChangeHook<Article> = async ({ data, req }) => {
  const reason = data.publishOverrideReason?.trim()
  data.publishOverrideReason = null
  // One request may publish several articles (a bulk publish): each gets its own record.
  delete req.context[OVERRIDE_CONTEXT]
  if (data._status !== 'published' || isDraftSave(req) || req.context?.skipChecklist) return data
  const { errors } = await checkArticle(data as ArticleInput, req)
  if (errors.length === 0) return data
  if (!reason) {
    const count = `${errors.length} checklist error${errors.length === 1 ? '' : 's'}`
    const summary = `Publishing is blocked by ${count}: ${errors.map((finding) => finding.message).join(' ')}`
    const refusal = new ValidationError(
      {
        collection: 'articles',
        errors: [
          {
            path: 'publishOverrideReason',
            message: `${summary} Fix ${errors.length === 1 ? 'it' : 'them'}, or write here why it should be published anyway.`,
          },
        ],
      },
      req.t,
    )
    // The summary, not "The following field is invalid": a scheduled publish keeps only the message.
    refusal.message = summary
    throw refusal
  }
  req.context[OVERRIDE_CONTEXT] = {
    at: new Date().toISOString(),
    by: req.user?.collection === 'users' ? req.user.id : null,
    reason,
    errors: errors.map((finding) => finding.message).join('\n'),
  }
  return data
}
