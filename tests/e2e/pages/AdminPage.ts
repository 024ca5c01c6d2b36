import type { Locator, Page, Request, Response } from '@playwright/test'

import { retry } from './retry'

/** The admin's form-state requests: server actions it sends a moment after each change. */
const isFormState = (request: Request) =>
  request.method() === 'POST' && request.headers()['next-action'] !== undefined

/** The Payload admin, driven as an editor would: labels, buttons, menus. */
export class AdminPage {
  private formStateInFlight = 0
  private lastFormState = 0

  constructor(readonly page: Page) {
    page.on('request', (request) => {
      if (!isFormState(request)) return
      this.formStateInFlight += 1
      this.lastFormState = Date.now()
    })
    const finished = (request: Request) => {
      if (!isFormState(request)) return
      this.formStateInFlight -= 1
      this.lastFormState = Date.now()
    }
    page.on('requestfinished', finished)
    page.on('requestfailed', finished)
  }

  /**
   * Waits until the admin has applied the last change: its form-state request goes out 250 ms after
   * a change, and an "Add" clicked while one is under way adds a row whose fields are not drawn until
   * some later change (seen on a loaded machine: the click "did nothing", the retry then added two).
   */
  private async settled(quiet = 400, timeout = 30_000) {
    const deadline = Date.now() + timeout
    await new Promise((resolve) => setTimeout(resolve, quiet))
    while (
      Date.now() < deadline &&
      (this.formStateInFlight > 0 || Date.now() - this.lastFormState < quiet)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** Opens an admin URL and lets the admin hydrate before anything is typed. */
  async open(path: string) {
    await this.page.goto(path)
    await this.page.waitForLoadState('networkidle')
  }

  async login(email: string, password: string) {
    await this.open('/admin/login')
    await this.page.getByLabel('Email').fill(email)
    await this.page.getByLabel('Password').fill(password)
    await this.page.getByRole('button', { name: 'Login' }).click()
    await this.page.waitForURL(/\/admin$/)
  }

  /** A relationship field by its label ("Desk", "Byline"): its box, as a person sees it. */
  field(label: string): Locator {
    // Payload labels the field's box, not its input: the label's box holds the combobox.
    return this.page
      .locator('label')
      .filter({ hasText: new RegExp(`^${label}\\s*\\*?$`) })
      .locator('xpath=..')
  }

  /** Picks `option` in the relationship field labelled `label`. */
  async chooseIn(label: string, option: string) {
    await this.field(label).getByRole('combobox').click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
    await this.field(label).getByText(option, { exact: true }).first().waitFor()
  }

  async createTable(title: string, columns: string[], rows: string[][], sourceNote: string) {
    await this.fillTable(title, columns, rows, sourceNote)
    // Tables and FAQs have drafts: "Publish changes" makes the new one live.
    await this.page.getByRole('button', { name: 'Publish changes' }).click()
    await this.page.waitForURL(/\/comparison-tables\/\d+$/)
  }

  /**
   * Fills a new table in the grid: the title, then the column names and rows pasted in one go at the
   * first column name, tab-separated as a spreadsheet puts them on the clipboard.
   */
  async fillTable(title: string, columns: string[], rows: string[][], sourceNote: string) {
    await this.open('/admin/collections/comparison-tables/create')
    await this.page.getByLabel('Title').fill(title)
    await this.pasteCells(this.tableCell('Column 1 name'), [columns, ...rows])
    await this.page.getByLabel('Source Note').fill(sourceNote)
  }

  /** An input of the table grid, by its label ("Column 2 name", "Row 3, Price"). */
  tableCell(label: string): Locator {
    return this.page.getByRole('table', { name: 'Table cells' }).getByLabel(label, { exact: true })
  }

  /**
   * Pastes cells into the grid from the real clipboard, as an editor does with Ctrl+V, so the
   * browser's own paste event (and its clipboard data) reaches the grid.
   */
  async pasteCells(cell: Locator, lines: string[][]) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    const text = lines.map((line) => line.join('\t')).join('\r\n') + '\r\n'
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text)
    await cell.click()
    await this.page.keyboard.press('ControlOrMeta+v')
    await this.settled()
  }

  async createFaq(question: string, answer: string) {
    await this.open('/admin/collections/faqs/create')
    await this.page.getByLabel('Question').fill(question)
    await this.page.getByRole('textbox').and(this.page.locator('[contenteditable="true"]')).click()
    await this.page.keyboard.type(answer)
    await this.page.getByRole('button', { name: 'Publish changes' }).click()
    await this.page.waitForURL(/\/faqs\/\d+$/)
  }

  /**
   * Writes a section's text: a paragraph, then blocks through the editor's "/" menu, each pointed at
   * a document. Autosave can re-render the editor mid-way and swallow a menu choice; when anything is
   * missing afterwards, the text is cleared and written again.
   */
  async composeText(
    editor: Locator,
    paragraph: string,
    blocks: { menu: string; query: string; label: string; option: string }[],
  ) {
    await retry(async () => {
      await editor.click()
      await this.page.keyboard.press('ControlOrMeta+a')
      await this.page.keyboard.press('Backspace')
      await this.page.keyboard.type(paragraph)
      for (const block of blocks) {
        await this.page.keyboard.press('Enter')
        await this.page.keyboard.type(`/${block.query}`)
        await this.page.getByRole('option', { name: block.menu }).waitFor({ timeout: 3_000 })
        await this.page.keyboard.press('Enter')
        const field = this.field(block.label)
        await field.getByRole('combobox').click({ timeout: 3_000 })
        await this.page
          .getByRole('option', { name: block.option, exact: true })
          .click({ timeout: 3_000 })
        await field.getByText(block.option, { exact: true }).first().waitFor({ timeout: 3_000 })
        await editor.getByText(paragraph).click({ timeout: 3_000 })
        await this.page.keyboard.press('End')
      }
    }, 90_000)
  }

  /** Starts a new article: headline, dek, desk, byline and its first section's heading. */
  async startArticle(fields: {
    headline: string
    dek: string
    desk: string
    byline: string
    firstHeading: string
  }) {
    await this.open('/admin/collections/articles/create')
    await this.page.getByLabel('Headline').fill(fields.headline)
    await this.page.getByLabel('Dek (summary)').fill(fields.dek)
    await this.chooseIn('Desk', fields.desk)
    await this.chooseIn('Byline', fields.byline)
    await this.page.getByRole('button', { name: 'Add Section' }).click()
    await this.page.getByLabel('Heading').fill(fields.firstHeading)
  }

  /** The rich-text box of the article's section at `index` (0-based). */
  sectionText(index: number): Locator {
    return this.page
      .getByRole('textbox')
      .and(this.page.locator('[contenteditable="true"]'))
      .nth(index)
  }

  /**
   * Clicks Publish and resolves with the server's answer to that save. Autosaves (`draft=true`) and
   * the checklist's own requests are not it; the "Published successfully." toast is not waited for,
   * as it is gone again after a few seconds.
   */
  async publish(): Promise<Response> {
    const saved = this.page.waitForResponse(
      (response) =>
        response.request().method() !== 'GET' &&
        /\/api\/articles(\/\d+)?\?/.test(response.url()) &&
        !response.url().includes('draft=true'),
    )
    await this.page.getByRole('button', { name: 'Publish changes' }).click()
    const response = await saved
    // The admin merges the server's copy into the form after the response; typing before that
    // lands would be overwritten by it.
    await this.settled()
    return response
  }
}
