'use client'

import { ItemButtons } from './ItemButtons'
import type { GridRow, GridTable } from './model'
import * as grid from './model'
import styles from './TableGrid.module.css'

type Props = {
  row: GridRow
  index: number
  table: GridTable
  readOnly?: boolean
  /** The "Row 2 has 1 cell but the table has 2 columns." sentence, when the row breaks the rule. */
  problem?: string
  fieldError: (path: string) => string | undefined
  columnName: (column: number) => string
  onCell: (column: number, value: string) => void
  onChange: (next: GridTable, focusAt?: { row: number; column: number }) => void
}

/**
 * One body row: a cell input per column (a row short of cells shows a button to add each missing
 * one), then the row's extra cells, its buttons, and what is wrong with it.
 */
export function GridRowView({
  row,
  index,
  table,
  readOnly,
  problem,
  fieldError,
  columnName,
  onCell,
  onChange,
}: Props) {
  const number = index + 1
  const width = Math.max(table.columns.length, row.cells.length)
  const messageId = `table-grid-row-${row.id}-problem`
  const cellErrors = row.cells
    .map((_, column) => fieldError(`rows.${index}.cells.${column}.value`))
    .filter(Boolean)
  const messages = [problem, ...cellErrors].filter(Boolean)
  return (
    <tr className={messages.length ? styles.invalid : undefined}>
      {Array.from({ length: width }, (_, column) => {
        const label = `Row ${number}, ${column < table.columns.length ? columnName(column) : `extra cell ${column + 1}`}`
        const cell = row.cells[column]
        const Cell = column === 0 ? 'th' : 'td'
        return (
          <Cell key={cell?.id ?? `missing-${column}`} scope={column === 0 ? 'row' : undefined}>
            {cell ? (
              <input
                aria-label={label}
                aria-invalid={messages.length ? true : undefined}
                aria-describedby={messages.length ? messageId : undefined}
                data-cell={`${index}:${column}`}
                disabled={readOnly}
                maxLength={300}
                value={cell.value}
                onChange={(event) => onCell(column, event.target.value)}
              />
            ) : (
              <button
                type="button"
                className={styles.missing}
                aria-label={`${label}: add the missing cell`}
                data-cell={`${index}:${column}`}
                disabled={readOnly}
                onClick={() =>
                  onChange(grid.setCell(table, { row: index, column }, ''), { row: index, column })
                }
              >
                Missing cell
              </button>
            )}
          </Cell>
        )
      })}
      <td>
        <ItemButtons
          name={`row ${number}`}
          disabled={readOnly}
          back={{
            word: 'up',
            arrow: '↑',
            disabled: index === 0,
            onClick: () => onChange(grid.moveRow(table, index, index - 1)),
          }}
          forward={{
            word: 'down',
            arrow: '↓',
            disabled: index === table.rows.length - 1,
            onClick: () => onChange(grid.moveRow(table, index, index + 1)),
          }}
          onRemove={() => onChange(grid.removeRow(table, index))}
        />
        {messages.length > 0 && (
          <span id={messageId} className={styles.error}>
            {messages.join(' ')}
          </span>
        )}
      </td>
    </tr>
  )
}
