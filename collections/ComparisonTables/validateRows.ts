import type { CollectionBeforeValidateHook } from 'payload'

import { UserFacingError } from '@/lib/errors'

import type { ComparisonTable } from '@/payload-types'

import { rowCellProblems } from './rowProblems'

/**
 * Every row needs exactly one cell per column. Checked before field
 * validation and answered with one sentence per bad row — the admin shows it
 * as is, so an editor can find the row in a long table (a field error would
 * only say "Rows 2 → Cells is invalid").
 */
export const checkRowCells: CollectionBeforeValidateHook<ComparisonTable> = ({
  data,
  originalDoc,
}) => {
  const columns = data?.columns ?? originalDoc?.columns ?? []
  const rows = data?.rows ?? (data?.columns ? originalDoc?.rows : undefined) ?? []
  const problems = rowCellProblems(columns.length, rows).map((problem) => problem.message)
  if (problems.length > 0) throw new UserFacingError(problems.join(' '), 400)
  return data
}
