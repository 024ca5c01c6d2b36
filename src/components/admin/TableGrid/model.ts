import type { PastedBlock } from './parsePaste'

export type GridColumn = { id: string; label: string; type: string }
export type GridCell = { id: string; value: string }
export type GridRow = { id: string; cells: GridCell[] }
/** The table as the grid edits it: the collection's own `columns` and `rows.cells` shape. */
export type GridTable = { columns: GridColumn[]; rows: GridRow[] }
/** A cell position; `row: -1` is the header (the column names). */
export type GridPosition = { row: number; column: number }

/** An id in the shape Payload gives array rows (24 hex digits, time first), made in the browser. */
export function newRowId(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('')
  return time + random
}

const emptyCell = (): GridCell => ({ id: newRowId(), value: '' })
const emptyCells = (count: number) => Array.from({ length: Math.max(0, count) }, emptyCell)

export const emptyRow = (width: number): GridRow => ({ id: newRowId(), cells: emptyCells(width) })

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items
  const copy = [...items]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item)
  return copy
}

export function insertRow(table: GridTable, at: number): GridTable {
  const rows = [...table.rows]
  rows.splice(at, 0, emptyRow(table.columns.length))
  return { ...table, rows }
}

export const removeRow = (table: GridTable, index: number): GridTable => ({
  ...table,
  rows: table.rows.filter((_, i) => i !== index),
})

export const moveRow = (table: GridTable, from: number, to: number): GridTable => ({
  ...table,
  rows: move(table.rows, from, to),
})

/** A new column gets an empty cell in every row, so rows that were complete stay complete. */
export function insertColumn(table: GridTable, at: number): GridTable {
  const columns = [...table.columns]
  columns.splice(at, 0, { id: newRowId(), label: '', type: 'text' })
  const rows = table.rows.map((row) => {
    const cells = [...row.cells]
    cells.splice(at, 0, emptyCell())
    return { ...row, cells }
  })
  return { columns, rows }
}

export const removeColumn = (table: GridTable, index: number): GridTable => ({
  columns: table.columns.filter((_, i) => i !== index),
  rows: table.rows.map((row) => ({ ...row, cells: row.cells.filter((_, i) => i !== index) })),
})

/** Moves a column and its cell in every row that has one there. */
export const moveColumn = (table: GridTable, from: number, to: number): GridTable => ({
  columns: move(table.columns, from, to),
  rows: table.rows.map((row) =>
    from < row.cells.length && to < row.cells.length
      ? { ...row, cells: move(row.cells, from, to) }
      : row,
  ),
})

export function updateColumn(
  table: GridTable,
  index: number,
  change: Partial<Omit<GridColumn, 'id'>>,
): GridTable {
  const columns = table.columns.map((column, i) =>
    i === index ? { ...column, ...change } : column,
  )
  return { ...table, columns }
}

/** Sets one cell; a row short of that column gets the empty cells it is missing up to it. */
export function setCell(table: GridTable, at: GridPosition, value: string): GridTable {
  const rows = table.rows.map((row, i) => {
    if (i !== at.row) return row
    const cells = [...row.cells, ...emptyCells(at.column + 1 - row.cells.length)]
    cells[at.column] = { ...cells[at.column], value }
    return { ...row, cells }
  })
  return { ...table, rows }
}

/**
 * Writes a pasted block with its top-left cell at `at`, adding the columns and rows it needs. A
 * pasted line shorter than the block leaves a new row short, so the grid flags it rather than
 * guessing which column the missing value belonged to; a paste at the header fills the column
 * names from its first line.
 */
export function pasteBlock(table: GridTable, at: GridPosition, block: PastedBlock): GridTable {
  const width = Math.max(0, ...block.map((line) => line.length))
  let next = table
  while (next.columns.length < at.column + width) next = insertColumn(next, next.columns.length)
  let lines = block
  if (at.row < 0) {
    const [names = [], ...rest] = block
    names.forEach((label, offset) => {
      next = updateColumn(next, at.column + offset, { label })
    })
    lines = rest
  }
  const firstRow = Math.max(0, at.row)
  const rows = [...next.rows]
  lines.forEach((line, offset) => {
    const index = firstRow + offset
    const existing = rows[index]
    const row = existing ?? { id: newRowId(), cells: emptyCells(at.column + line.length) }
    const cells = [...row.cells, ...emptyCells(at.column + line.length - row.cells.length)]
    line.forEach((value, column) => {
      cells[at.column + column] = { ...cells[at.column + column], value }
    })
    rows[index] = { ...row, cells }
  })
  return { ...next, rows }
}
