import type { KeyboardEvent } from 'react'

import type { GridPosition, GridTable } from './model'

/** The grid position of a cell's input (or its "add the missing cell" button), from `data-cell`. */
export function positionOf(target: EventTarget | null): GridPosition | null {
  if (!(target instanceof HTMLElement) || !target.dataset.cell) return null
  const [row, column] = target.dataset.cell.split(':').map(Number)
  return { row, column }
}

/**
 * Whether an arrow may leave a text input sideways: the caret is at that edge, or the whole text is
 * selected, as it is when the focus has just arrived in the cell.
 */
function atEdge(target: EventTarget, side: 'start' | 'end'): boolean {
  if (!(target instanceof HTMLInputElement)) return true
  const { selectionStart, selectionEnd, value } = target
  if (selectionStart === 0 && selectionEnd === value.length) return true
  if (selectionStart !== selectionEnd) return false
  return side === 'start' ? selectionStart === 0 : selectionEnd === value.length
}

/**
 * Where a key moves the focus: arrows to the neighbouring cell (sideways only from the edge of the
 * text, so the caret still moves inside a cell), Enter down — to the column a run of Tabs began in —
 * and Shift+Enter up. Enter on the last row asks for a new row. Tab is left to the browser: it goes
 * cell to cell along a row, then to that row's buttons, so every control stays reachable.
 */
export function navigate(
  event: KeyboardEvent,
  at: GridPosition,
  table: GridTable,
  tabStart: number | null,
): { to: GridPosition; addRow?: boolean } | null {
  const lastRow = table.rows.length - 1
  const lastColumn = table.columns.length - 1
  switch (event.key) {
    case 'ArrowUp':
      return at.row > -1 ? { to: { ...at, row: at.row - 1 } } : null
    case 'ArrowDown':
      return at.row < lastRow ? { to: { ...at, row: at.row + 1 } } : null
    case 'ArrowLeft':
      return at.column > 0 && atEdge(event.target, 'start')
        ? { to: { ...at, column: at.column - 1 } }
        : null
    case 'ArrowRight':
      return at.column < lastColumn && atEdge(event.target, 'end')
        ? { to: { ...at, column: at.column + 1 } }
        : null
    case 'Enter': {
      if (event.target instanceof HTMLButtonElement) return null
      if (event.shiftKey) return { to: { ...at, row: Math.max(-1, at.row - 1) } }
      const to = { row: at.row + 1, column: tabStart ?? at.column }
      return at.row < lastRow ? { to } : { to, addRow: true }
    }
    default:
      return null
  }
}
