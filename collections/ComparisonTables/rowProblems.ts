/** One sentence per row whose cell count differs from the table's columns, 0-based `row`. */
export type RowProblem = { row: number; message: string }

/**
 * The rule "every row has one cell per column", written once: the save hook refuses a table with
 * any of these, and the admin's grid shows each message on its row before the editor saves.
 */
export function rowCellProblems(
  columnCount: number,
  rows: readonly ({ cells?: readonly unknown[] | null } | null | undefined)[],
): RowProblem[] {
  return rows.flatMap((row, index) => {
    const cells = row?.cells?.length ?? 0
    return cells === columnCount
      ? []
      : [
          {
            row: index,
            message: `Row ${index + 1} has ${cells} cell${cells === 1 ? '' : 's'} but the table has ${columnCount} columns.`,
          },
        ]
  })
}
