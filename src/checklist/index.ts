import { RULES } from './rules'
import type { ChecklistArticle, ChecklistSettings, Finding } from './types'

export type { ChecklistArticle, ChecklistSettings, Finding } from './types'

export interface ChecklistResult {
  findings: Finding[]
  errors: Finding[]
  warnings: Finding[]
}

/** Runs every rule: the admin panel, the publish gate and `npm run lint:content` all call this. */
export function runChecklist(
  article: ChecklistArticle,
  settings: ChecklistSettings,
): ChecklistResult {
  const findings = RULES.flatMap((rule) => rule(article, settings))
  return {
    findings,
    errors: findings.filter((finding) => finding.severity === 'error'),
    warnings: findings.filter((finding) => finding.severity === 'warning'),
  }
}
