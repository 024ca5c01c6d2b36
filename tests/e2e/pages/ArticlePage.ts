import type { Locator, Page } from '@playwright/test'

/** The reader's article page, found by roles and labels. */
export class ArticlePage {
  readonly headline: Locator
  readonly contents: Locator
  readonly faq: Locator

  constructor(readonly page: Page) {
    this.headline = page.getByRole('heading', { level: 1 })
    this.contents = page.getByRole('navigation', { name: 'Contents' })
    this.faq = page.getByRole('term')
  }

  goto(path: string) {
    return this.page.goto(path)
  }

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption })
  }

  /** Every row of a table as arrays of cell texts (header row first). */
  async tableCells(caption: string): Promise<string[][]> {
    return this.table(caption)
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? ''),
        ),
      )
  }
}
