import type { Locator, Page, Response } from '@playwright/test'

import { AdminPage } from './AdminPage'

/** The Front page global in the admin, driven as an editor would. */
export class FrontPageAdmin {
  readonly admin: AdminPage

  constructor(readonly page: Page) {
    this.admin = new AdminPage(page)
  }

  async open() {
    await this.admin.open('/admin/globals/front-page')
  }

  /** The notice at the top of the edit view about pins readers no longer see. */
  get notice(): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: 'Readers do not see every pinned story' })
  }

  /** Picks `headline` in a relationship box, searching for it as an editor types. */
  private async pick(box: Locator, headline: string) {
    await box.getByRole('combobox').click()
    await this.page.keyboard.type(headline.slice(0, 40))
    await this.page.getByRole('option', { name: headline, exact: true }).click()
    await box.getByText(headline, { exact: true }).first().waitFor()
  }

  async pinLead(headline: string) {
    await this.pick(this.admin.field('Lead story'), headline)
  }

  /** Adds a top-story row pinning `headline`. */
  async addTopStory(headline: string) {
    const rows = this.page.locator('#field-topStories .array-field__row')
    const before = await rows.count()
    await this.page.getByRole('button', { name: 'Add Top story' }).click()
    const row = rows.nth(before)
    await row.waitFor()
    await this.pick(row, headline)
  }

  /** Moves the top-story row at `index` (from 0) one place up, from its row menu. */
  async moveTopStoryUp(index: number) {
    const row = this.page.locator('#field-topStories .array-field__row').nth(index)
    await row.locator('.array-actions__button').click()
    await this.page.getByRole('button', { name: 'Move Up' }).click()
  }

  async publish(): Promise<Response> {
    const saved = this.page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        /\/api\/globals\/front-page/.test(response.url()) &&
        !response.url().includes('draft=true'),
    )
    await this.page.getByRole('button', { name: 'Publish changes' }).click()
    return saved
  }
}
