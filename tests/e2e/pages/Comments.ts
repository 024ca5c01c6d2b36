import type { Locator, Page } from '@playwright/test'

let readers = 0
/** A distinct reader address per test, so flood control never links two tests. */
export function readerAddress(): string {
  readers += 1
  const n = (Date.now() % 100_000) * 100 + readers
  return `172.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

/** The comments under an article, as a reader finds them: by headings, labels and roles. */
export class CommentsSection {
  readonly region: Locator
  readonly form: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /^Comments/ })
    this.form = page.getByRole('form', { name: 'Leave a comment' })
    this.status = this.form.getByRole('status')
  }

  async write(form: Locator, name: string, email: string, text: string) {
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('Email').fill(email)
    await form.getByLabel(/^(Comment|Reply)$/).fill(text)
  }

  async post(name: string, email: string, text: string) {
    await this.write(this.form, name, email, text)
    await this.form.getByRole('button', { name: 'Post comment' }).click()
  }

  comment(text: string): Locator {
    return this.region.getByRole('listitem').filter({ hasText: text }).first()
  }

  /** Opens the reply form under `toAuthor`'s comment and posts; returns that form. */
  async reply(toAuthor: string, name: string, email: string, text: string): Promise<Locator> {
    const parent = this.region.getByRole('listitem').filter({ hasText: toAuthor }).first()
    await parent.getByText('Reply', { exact: false }).first().click()
    const form = parent.getByRole('form', { name: 'Reply' })
    await this.write(form, name, email, text)
    await form.getByRole('button', { name: 'Post reply' }).click()
    return form
  }
}
