import { expect, REFERENCE, test } from './fixtures'

test.describe('untrusted URLs', () => {
  const notFound = [
    '/no-such-section',
    '/technology/no-such-article',
    '/business/ren-zhengfei-us-china-ai-divergent-directions',
    '/technology/ren-zhengfei-us-china-ai-divergent-directions/extra/segments',
    '/%00',
    '/technology/%00',
    `/technology/${'a'.repeat(2000)}`,
    `/${'b'.repeat(2000)}`,
    '/technology/..%2f..%2fetc%2fpasswd',
    '/Technology/UPPER-CASE',
    '/technology/%E2%80%AEevil',
    '/api/media/file/no-such-image.webp',
  ]
  for (const path of notFound) {
    test(`answers ${path.slice(0, 60)} with a 404`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 })
      expect(response.status()).toBe(404)
    })
  }

  test('shows readers a helpful 404 page', async ({ page }) => {
    const response = await page.goto('/technology/no-such-article')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible()
  })

  test('ignores junk in the query string', async ({ request }) => {
    for (const query of [
      '?page=%ff%fe',
      '?q=%00',
      `?x=${'z'.repeat(3000)}`,
      '?__proto__[a]=1',
      "?';drop table articles;--",
    ]) {
      const response = await request.get(`${REFERENCE.path}${query}`)
      expect(response.status(), query).toBe(200)
      expect(await response.text()).toContain('Ren Zhengfei')
    }
  })

  test('refuses a malformed preview link with a message', async ({ request }) => {
    const response = await request.get('/next/preview?path=javascript:alert(1)')
    expect(response.status()).toBe(400)
    expect(await response.text()).toContain('Bad preview link')
    const anonymous = await request.get(`/next/preview?path=${encodeURIComponent(REFERENCE.path)}`)
    expect(anonymous.status()).toBe(401)
  })
})
