import type { FieldState, FormState } from 'payload'

import type { GridTable } from './model'

const text = (state: FormState, path: string) => {
  const value = state[path]?.value
  return typeof value === 'string' ? value : value == null ? '' : String(value)
}

/** How many rows the form holds for an array field (its `rows` metadata, else its count). */
function rowCount(state: FormState, path: string): number {
  const field = state[path]
  if (Array.isArray(field?.rows)) return field.rows.length
  return typeof field?.value === 'number' ? field.value : 0
}

const rowId = (state: FormState, path: string, index: number) =>
  text(state, `${path}.${index}.id`) || state[path]?.rows?.[index]?.id || ''

/** Reads the table from the document form's flat state (`rows.1.cells.2.value` and so on). */
export function readTable(state: FormState): GridTable {
  const columns = Array.from({ length: rowCount(state, 'columns') }, (_, i) => ({
    id: rowId(state, 'columns', i),
    label: text(state, `columns.${i}.label`),
    type: text(state, `columns.${i}.type`) || 'text',
  }))
  const rows = Array.from({ length: rowCount(state, 'rows') }, (_, i) => {
    const cellsPath = `rows.${i}.cells`
    const cells = Array.from({ length: rowCount(state, cellsPath) }, (_, j) => ({
      id: rowId(state, cellsPath, j),
      value: text(state, `${cellsPath}.${j}.value`),
    }))
    return { id: rowId(state, 'rows', i), cells }
  })
  return { columns, rows }
}

const isTablePath = (path: string) => /^(columns|rows)(\.|$)/.test(path)

/**
 * The form-state changes that make the form hold `table`: every `columns.*` and `rows.*` entry is
 * rewritten the way Payload's own array actions write them (row metadata on the array, its count as
 * the value, `disableFormData` so only the leaves are submitted), keeping what the server added to
 * an entry (its validation message) when the value did not change. `remove` lists entries left over.
 */
export function tableToFormState(
  table: GridTable,
  state: FormState,
): { update: FormState; remove: string[] } {
  const update: FormState = {}
  const leaf = (path: string, value: string) => {
    const previous = state[path]
    update[path] =
      previous && previous.value === value
        ? previous
        : { ...previous, value, valid: true, errorMessage: undefined, passesCondition: true }
  }
  const array = (path: string, ids: string[]) => {
    const previous: FieldState | undefined = state[path]
    const rows = ids.map((id) => ({ ...previous?.rows?.find((row) => row.id === id), id }))
    update[path] = {
      ...previous,
      value: ids.length,
      rows,
      disableFormData: ids.length > 0,
      passesCondition: true,
      valid: previous?.valid ?? true,
    }
  }
  array(
    'columns',
    table.columns.map((column) => column.id),
  )
  table.columns.forEach((column, i) => {
    leaf(`columns.${i}.id`, column.id)
    leaf(`columns.${i}.label`, column.label)
    leaf(`columns.${i}.type`, column.type)
  })
  array(
    'rows',
    table.rows.map((row) => row.id),
  )
  table.rows.forEach((row, i) => {
    leaf(`rows.${i}.id`, row.id)
    array(
      `rows.${i}.cells`,
      row.cells.map((cell) => cell.id),
    )
    row.cells.forEach((cell, j) => {
      leaf(`rows.${i}.cells.${j}.id`, cell.id)
      leaf(`rows.${i}.cells.${j}.value`, cell.value)
    })
  })
  const remove = Object.keys(state).filter((path) => isTablePath(path) && !(path in update))
  return { update, remove }
}
