'use client'

/** The rows are edited in the table grid drawn for the columns field; nothing to draw here. */
export function RowsInGrid() {
  return null
}
