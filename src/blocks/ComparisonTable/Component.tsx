import type { ComparisonTable } from '@/payload-types'

import { formatDate } from '@/lib/dates'

/** A source note ends as a sentence, so the "Figures as of" sentence after it reads as its own. */
function asSentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?…]["'’”)]?$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/**
 * A real data table: caption, column headers, row headers, the source note and
 * the "as of" date. A table that was removed renders nothing.
 */
export function ComparisonTableBlockView({
  table,
}: {
  table: number | ComparisonTable | null | undefined
}) {
  if (!table || typeof table !== 'object') return null
  const columns = table.columns ?? []
  const rows = table.rows ?? []
  return (
    <figure className="comparison-table">
      <div
        className="comparison-table__scroll"
        tabIndex={0}
        role="region"
        aria-label={table.caption || table.title}
      >
        <table>
          <caption>{table.caption || table.title}</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={column.id ?? index} scope="col" data-type={column.type}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row.id ?? rowIndex}>
                {(row.cells ?? []).map((cell, cellIndex) =>
                  cellIndex === 0 ? (
                    <th key={cell.id ?? cellIndex} scope="row">
                      {cell.value}
                    </th>
                  ) : (
                    <td key={cell.id ?? cellIndex} data-type={columns[cellIndex]?.type}>
                      {cell.value}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(table.sourceNote || table.asOf) && (
        <figcaption className="comparison-table__source">
          {table.sourceNote && <span>Source: {asSentence(table.sourceNote)}</span>}
          {table.asOf && (
            <span>
              {' '}
              Figures as of <time dateTime={table.asOf.slice(0, 10)}>{formatDate(table.asOf)}</time>
              .
            </span>
          )}
        </figcaption>
      )}
    </figure>
  )
}
