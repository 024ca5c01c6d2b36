'use client'

import { COLUMN_TYPES } from '@/collections/ComparisonTables/columnTypes'

import { ItemButtons } from './ItemButtons'
import type { GridPosition, GridTable } from './model'
import * as grid from './model'
import styles from './TableGrid.module.css'

type Props = {
  table: GridTable
  readOnly?: boolean
  fieldError: (path: string) => string | undefined
  columnName: (column: number) => string
  onLabel: (column: number, label: string) => void
  onType: (column: number, type: string) => void
  onChange: (next: GridTable, focusAt?: GridPosition) => void
}

/** The header row: each column's name (an input), its type, its buttons; then "Add column". */
export function GridHeader({
  table,
  readOnly,
  fieldError,
  columnName,
  onLabel,
  onType,
  onChange,
}: Props) {
  const last = table.columns.length - 1
  return (
    <thead>
      <tr>
        {table.columns.map((column, index) => {
          const name = columnName(index)
          const error = fieldError(`columns.${index}.label`)
          return (
            <th key={column.id} scope="col">
              <input
                aria-label={`Column ${index + 1} name`}
                aria-invalid={error ? true : undefined}
                data-cell={`-1:${index}`}
                disabled={readOnly}
                maxLength={80}
                placeholder={`Column ${index + 1}`}
                value={column.label}
                onChange={(event) => onLabel(index, event.target.value)}
              />
              <select
                aria-label={`${name} type`}
                disabled={readOnly}
                value={column.type}
                onChange={(event) => onType(index, event.target.value)}
              >
                {COLUMN_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
              <ItemButtons
                name={`column ${name}`}
                disabled={readOnly}
                back={{
                  word: 'left',
                  arrow: '←',
                  disabled: index === 0,
                  onClick: () => onChange(grid.moveColumn(table, index, index - 1)),
                }}
                forward={{
                  word: 'right',
                  arrow: '→',
                  disabled: index === last,
                  onClick: () => onChange(grid.moveColumn(table, index, index + 1)),
                }}
                onRemove={() => onChange(grid.removeColumn(table, index))}
              />
              {error && <span className={styles.error}>{error}</span>}
            </th>
          )
        })}
        <td>
          <button
            type="button"
            disabled={readOnly}
            onClick={() =>
              onChange(grid.insertColumn(table, table.columns.length), {
                row: -1,
                column: table.columns.length,
              })
            }
          >
            Add column
          </button>
        </td>
      </tr>
    </thead>
  )
}
