/** Something in an imported file that could not be understood, and where. */
export interface ImportProblem {
  /** 1-based line in the file; null when it concerns the whole file. */
  line: number | null
  message: string
}

export function formatProblem(problem: ImportProblem): string {
  return problem.line === null ? problem.message : `Line ${problem.line}: ${problem.message}`
}

/** The import was refused: nothing was saved. */
export class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      `The file was not imported (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems.map(formatProblem).join('\n'),
    )
    this.name = 'ImportRefused'
  }
}

/** Collects problems (which refuse the import) and notes (which do not). */
export class Report {
  readonly problems: ImportProblem[] = []
  readonly notes: ImportProblem[] = []

  problem(line: number | null, message: string): void {
    this.problems.push({ line, message })
  }

  note(line: number | null, message: string): void {
    this.notes.push({ line, message })
  }

  /** Throws when anything could not be understood. */
  refuseIfProblems(): void {
    if (this.problems.length === 0) return
    const sorted = [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    throw new ImportRefused(sorted)
  }
}
