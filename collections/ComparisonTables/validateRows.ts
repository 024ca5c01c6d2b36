import type { ArrayFieldValidation } from 'payload'

interface RowShape {
  cells?: unknown[] | null
}

/**
 * Every row must have exactly one cell per column. The message names the row,
 * so an editor can find it in a long table.
 */
export const validateRows: ArrayFieldValidation = (value, { siblingData }) => {
  const columns = (siblingData as { columns?: unknown[] | null })?.columns
  const columnCount = Array.isArray(columns) ? columns.length : 0
  const rows = Array.isArray(value) ? (value as RowShape[]) : []
  if (rows.length === 0) return 'Add at least one row.'
  const problems = rows.flatMap((row, index) => {
    const cellCount = Array.isArray(row?.cells) ? row.cells.length : 0
    return cellCount === columnCount
      ? []
      : [
          `Row ${index + 1} has ${cellCount} cell${cellCount === 1 ? '' : 's'} but the table has ${columnCount} columns`,
        ]
  })
  return problems.length === 0 ? true : `${problems.join('; ')}.`
}
