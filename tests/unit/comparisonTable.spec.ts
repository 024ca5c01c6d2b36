import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ComparisonTableBlockView } from '@/blocks/ComparisonTable/Component'
import type { ComparisonTable } from '@/payload-types'

function sourceLine(sourceNote: string, asOf: string | null): string {
  const table = {
    id: 1,
    title: 'Chip export rules',
    columns: [],
    rows: [],
    sourceNote,
    asOf,
    updatedAt: '2026-11-01T00:00:00.000Z',
    createdAt: '2026-11-01T00:00:00.000Z',
  } as unknown as ComparisonTable
  const html = renderToStaticMarkup(createElement(ComparisonTableBlockView, { table }))
  const caption = /<figcaption[^>]*>(.*)<\/figcaption>/s.exec(html)?.[1] ?? ''
  return caption.replace(/<[^>]+>/g, '')
}

describe('a comparison table’s source line', () => {
  it('reads the source note and the as-of date as two sentences', () => {
    expect(
      sourceLine('Commerce Department filings, October 2026', '2026-10-31T00:00:00.000Z'),
    ).toBe('Source: Commerce Department filings, October 2026. Figures as of 31 October 2026.')
  })

  it('does not double a full stop the editor already typed', () => {
    expect(sourceLine('Company reports.', null)).toBe('Source: Company reports.')
  })
})
