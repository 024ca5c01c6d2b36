'use client'

import { useAllFormFields, useForm, useFormSubmitted } from '@payloadcms/ui'
import type { ArrayFieldClientComponent } from 'payload'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ClipboardEvent, KeyboardEvent } from 'react'

import { rowCellProblems } from '@/collections/ComparisonTables/rowProblems'

import { GridRowView } from './GridRow'
import { GridHeader } from './GridHeader'
import { tableToFormState, readTable } from './formState'
import type { GridPosition, GridTable } from './model'
import * as grid from './model'
import { navigate, positionOf } from './navigation'
import { parsePastedCells } from './parsePaste'
import styles from './TableGrid.module.css'

const columnName = (table: GridTable, index: number) =>
  table.columns[index]?.label.trim() || `Column ${index + 1}`

/** The smallest table the collection accepts, shown until the editor types into it. */
const starterTable = (): GridTable =>
  grid.pasteBlock({ columns: [], rows: [] }, { row: 0, column: 0 }, [['', '']])

/**
 * The table's columns and rows edited as one grid: column names in the header, cells as inputs,
 * arrows and Enter to move, paste from a spreadsheet, CSV or Markdown. Registered on `columns`; it
 * writes `columns` and `rows` into the document form in the collection's own shape, so saving,
 * drafts and the server's validation are Payload's as before.
 */
export const TableGrid: ArrayFieldClientComponent = ({ readOnly }) => {
  const [fields, dispatchFields] = useAllFormFields()
  const { setModified } = useForm()
  const submitted = useFormSubmitted()
  const [starter] = useState(starterTable)
  const stored = useMemo(() => readTable(fields), [fields])
  const isEmpty = stored.columns.length === 0 && stored.rows.length === 0
  const table = isEmpty ? starter : stored
  const problems = useMemo(
    () => (isEmpty ? [] : rowCellProblems(table.columns.length, table.rows)),
    [isEmpty, table],
  )
  const helpId = useId()
  const tableRef = useRef<HTMLTableElement>(null)
  const pendingFocus = useRef<GridPosition | null>(null)
  // Where a run of Tabs began, so Enter goes back to that column on the next row, as in a spreadsheet.
  const tabStart = useRef<number | null>(null)

  const focus = (at: GridPosition) => {
    const target = tableRef.current?.querySelector<HTMLElement>(
      `[data-cell="${at.row}:${at.column}"]`,
    )
    if (!target) return false
    target.focus()
    if (target instanceof HTMLInputElement) target.select()
    return true
  }
  useEffect(() => {
    if (pendingFocus.current && focus(pendingFocus.current)) pendingFocus.current = null
  })

  const commit = (next: GridTable, focusAt?: GridPosition) => {
    const { update, remove } = tableToFormState(next, fields)
    dispatchFields({ type: 'UPDATE_MANY', formState: update })
    for (const path of remove) dispatchFields({ type: 'REMOVE', path })
    setModified(true)
    if (focusAt) pendingFocus.current = focusAt
  }

  /** A typed value goes to its one form field when it exists, as Payload's own inputs do. */
  const write = (path: string, value: string, whole: () => GridTable) => {
    if (!isEmpty && path in fields) {
      dispatchFields({ type: 'UPDATE', path, value })
      setModified(true)
    } else commit(whole())
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const at = positionOf(event.target)
    if (!at) return
    if (event.key === 'Tab') {
      tabStart.current ??= at.column
      return
    }
    const result = navigate(event, at, table, tabStart.current)
    if (!result) return
    event.preventDefault()
    tabStart.current = null
    if (result.addRow) commit(grid.insertRow(table, table.rows.length), result.to)
    else focus(result.to)
  }

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const at = positionOf(event.target)
    const block = at && parsePastedCells(event.clipboardData.getData('text/plain'))
    if (!at || !block) return
    event.preventDefault()
    commit(grid.pasteBlock(table, at, block), at)
  }

  const fieldError = (path: string) =>
    submitted && fields[path]?.valid === false ? fields[path]?.errorMessage : undefined
  const tableErrors = [fieldError('columns'), fieldError('rows')].filter(Boolean)

  return (
    <div className={styles.grid}>
      <p className={styles.label} id={helpId}>
        <strong>Table</strong> Each row needs one cell per column; the first cell heads the row.
        Paste cells from a spreadsheet, a CSV file or a Markdown table into any cell or column name.
        Arrow keys and Enter move between cells.
      </p>
      <div className={styles.scroll}>
        <table
          ref={tableRef}
          aria-describedby={helpId}
          aria-label="Table cells"
          onKeyDown={onKeyDown}
          onMouseDown={() => {
            tabStart.current = null
          }}
          onPaste={onPaste}
        >
          <GridHeader
            table={table}
            readOnly={readOnly}
            fieldError={fieldError}
            columnName={(column) => columnName(table, column)}
            onLabel={(index, label) =>
              write(`columns.${index}.label`, label, () =>
                grid.updateColumn(table, index, { label }),
              )
            }
            onType={(index, type) =>
              write(`columns.${index}.type`, type, () => grid.updateColumn(table, index, { type }))
            }
            onChange={commit}
          />
          <tbody>
            {table.rows.map((row, index) => (
              <GridRowView
                key={row.id}
                row={row}
                index={index}
                table={table}
                readOnly={readOnly}
                problem={problems.find((problem) => problem.row === index)?.message}
                fieldError={fieldError}
                columnName={(column) => columnName(table, column)}
                onCell={(column, value) =>
                  write(`rows.${index}.cells.${column}.value`, value, () =>
                    grid.setCell(table, { row: index, column }, value),
                  )
                }
                onChange={commit}
              />
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        disabled={readOnly}
        onClick={() =>
          commit(grid.insertRow(table, table.rows.length), {
            row: table.rows.length,
            column: 0,
          })
        }
      >
        Add row
      </button>
      {tableErrors.map((error) => (
        <p key={error} className={styles.error} role="alert">
          {error}
        </p>
      ))}
    </div>
  )
}
