import { createUser } from './api'
import { EDITOR, expect, test } from './fixtures'
import { AdminPage } from './pages/AdminPage'
import { readerAddress } from './pages/Comments'

test('an admin finds a held-back login under Login throttles and lifts it', async ({
  page,
  request,
}) => {
  const author = await createUser(request, 'author', 'held')
  // A reader forwarded by the trusted proxy (the suite's 127.0.0.1), as an office network would be.
  const address = readerAddress()
  const attempt = async (password: string) =>
    (
      await request.post('/api/users/login', {
        headers: { 'x-forwarded-for': address },
        data: { email: author.email, password },
      })
    ).status()
  for (let guess = 0; guess < 6; guess += 1) await attempt(`wrong-guess-${guess}`)
  expect(await attempt(author.password)).toBe(429)

  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/login-throttles')
  const row = page.getByRole('row').filter({ hasText: author.email })
  await expect(row).toContainText(address)
  await expect(row).toContainText('One account from this address')
  await row.getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(row).toHaveCount(0)

  expect(await attempt(author.password)).toBe(200)
})
