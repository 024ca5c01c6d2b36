'use client'

import { useConfig, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { ComparisonTable } from '@/payload-types'

const PREVIEW_ROWS = 3

type Preview = Pick<ComparisonTable, 'title' | 'columns' | 'rows'>

const line = (values: (string | null | undefined)[]) =>
  values.map((value) => value ?? '').join(' · ')

/**
 * The comparison-table block's header in the article editor: the chosen table's title and its first
 * rows, read live from the block's own form so it follows the table the editor picks.
 */
export function ComparisonTableLabel() {
  const chosen = useFormFields(([fields]) => fields.table?.value)
  const tableId = typeof chosen === 'object' && chosen ? (chosen as { id?: unknown }).id : chosen
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [loaded, setLoaded] = useState<{ id: unknown; table: Preview | null } | null>(null)
  // A preview loaded for a table the editor has since replaced is not shown.
  const table = loaded && loaded.id === tableId ? loaded.table : null

  useEffect(() => {
    if (typeof tableId !== 'number' && typeof tableId !== 'string') return
    const controller = new AbortController()
    fetch(`${api}/comparison-tables/${tableId}?depth=0&draft=true`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? (response.json() as Promise<Preview>) : null))
      .then((result) => setLoaded({ id: tableId, table: result }))
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, tableId])

  return (
    <div className="comparison-table-label" style={{ display: 'grid', gap: '0.15rem' }}>
      <strong>Comparison table{table ? `: ${table.title}` : ''}</strong>
      {table && (
        <small aria-label={`Preview of ${table.title}`} style={{ display: 'grid' }}>
          <span>{line((table.columns ?? []).map((column) => column.label))}</span>
          {(table.rows ?? []).slice(0, PREVIEW_ROWS).map((row, index) => (
            <span key={row.id ?? index}>{line((row.cells ?? []).map((cell) => cell.value))}</span>
          ))}
          {(table.rows?.length ?? 0) > PREVIEW_ROWS && (
            <span>and {(table.rows?.length ?? 0) - PREVIEW_ROWS} more rows</span>
          )}
        </small>
      )}
    </div>
  )
}
