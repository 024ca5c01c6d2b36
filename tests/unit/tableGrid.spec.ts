import { describe, expect, it } from 'vitest'

import { rowCellProblems } from '@/collections/ComparisonTables/rowProblems'
import { tableToFormState, readTable } from '@/components/admin/TableGrid/formState'
import type { GridTable } from '@/components/admin/TableGrid/model'
import { insertColumn, moveColumn, pasteBlock } from '@/components/admin/TableGrid/model'
import { parsePastedCells } from '@/components/admin/TableGrid/parsePaste'

const values = (table: GridTable) => ({
  columns: table.columns.map((column) => column.label),
  rows: table.rows.map((row) => row.cells.map((cell) => cell.value)),
})

const empty: GridTable = { columns: [], rows: [] }

describe('parsing a pasted block of cells', () => {
  it('reads tab-separated cells as Excel and Sheets copy them, keeping empty cells', () => {
    expect(
      parsePastedCells('Phone\tPrice\tStorage\r\nModel A\t$499\t\r\nModel B\t$649\t256 GB\r\n'),
    ).toEqual([
      ['Phone', 'Price', 'Storage'],
      ['Model A', '$499', ''],
      ['Model B', '$649', '256 GB'],
    ])
  })

  it('keeps a quoted spreadsheet cell with a tab or line break in it whole', () => {
    expect(parsePastedCells('"Two\nlines"\tB\nC\tD')).toEqual([
      ['Two\nlines', 'B'],
      ['C', 'D'],
    ])
  })

  it('reads a Markdown table without its delimiter row, formatting removed', () => {
    const markdown = [
      '| Phone | Price |',
      '| :--- | ---: |',
      '| **Model A** | $499 |',
      '| Model B |',
    ].join('\n')
    expect(parsePastedCells(markdown)).toEqual([
      ['Phone', 'Price'],
      ['Model A', '$499'],
      ['Model B'],
    ])
  })

  it('reads CSV with quoted commas', () => {
    expect(parsePastedCells('Phone,Price\n"Model A, 128 GB","$1,299"')).toEqual([
      ['Phone', 'Price'],
      ['Model A, 128 GB', '$1,299'],
    ])
  })

  it('leaves a single line without tabs to be pasted into the one cell as typed', () => {
    expect(parsePastedCells('$1,299')).toBeNull()
    expect(parsePastedCells('\n')).toBeNull()
  })

  it('reads lines without tabs or commas as one cell each', () => {
    expect(parsePastedCells('Model A\nModel B')).toEqual([['Model A'], ['Model B']])
  })
})

describe('pasting into the grid', () => {
  it('fills column names and rows from a block pasted at the first column name', () => {
    const table = pasteBlock(empty, { row: -1, column: 0 }, [
      ['Phone', 'Price', 'Storage'],
      ['Model A', '$499', '128 GB'],
      ['Model B', '$649', '256 GB'],
      ['Model C', '$799', '512 GB'],
    ])
    expect(values(table)).toEqual({
      columns: ['Phone', 'Price', 'Storage'],
      rows: [
        ['Model A', '$499', '128 GB'],
        ['Model B', '$649', '256 GB'],
        ['Model C', '$799', '512 GB'],
      ],
    })
  })

  it('writes from the focused cell, adding the columns and rows the block needs', () => {
    const start = pasteBlock(empty, { row: -1, column: 0 }, [
      ['A', 'B'],
      ['1', '2'],
    ])
    const table = pasteBlock(start, { row: 0, column: 1 }, [
      ['x', 'y'],
      ['z', 'w'],
    ])
    expect(values(table)).toEqual({
      columns: ['A', 'B', ''],
      rows: [
        ['1', 'x', 'y'],
        ['', 'z', 'w'],
      ],
    })
  })

  it('leaves a new row short when its pasted line is, so the grid flags it', () => {
    const table = pasteBlock(empty, { row: -1, column: 0 }, [
      ['Metric', 'Value'],
      ['Speed', '42'],
      ['Weight'],
    ])
    expect(
      rowCellProblems(table.columns.length, table.rows).map((problem) => problem.message),
    ).toEqual(['Row 2 has 1 cell but the table has 2 columns.'])
  })

  it('moves a column with its cells and gives a new column an empty cell in every row', () => {
    const start = pasteBlock(empty, { row: -1, column: 0 }, [
      ['A', 'B'],
      ['1', '2'],
    ])
    expect(values(moveColumn(insertColumn(start, 1), 0, 2))).toEqual({
      columns: ['', 'B', 'A'],
      rows: [['', '2', '1']],
    })
  })
})

describe("the grid's form state", () => {
  it('writes the stored shape as Payload array rows and reads it back', () => {
    const table = pasteBlock(empty, { row: -1, column: 0 }, [['A', 'B'], ['1', '2'], ['3']])
    const { update, remove } = tableToFormState(table, {
      'rows.5.cells.0.value': { value: 'gone' },
    })
    expect(remove).toEqual(['rows.5.cells.0.value'])
    expect(update.rows).toMatchObject({ value: 2, disableFormData: true })
    expect(update['rows.1.cells']).toMatchObject({ value: 1 })
    expect(update['rows.1.cells.0.value']).toMatchObject({ value: '3' })
    expect(values(readTable(update))).toEqual(values(table))
  })
})
