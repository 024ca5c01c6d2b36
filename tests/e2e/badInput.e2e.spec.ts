import AxeBuilder from '@axe-core/playwright'

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

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    // Next sends a notFound() met while rendering as an empty `__next_error__` shell that only
    // JavaScript fills in; the app's server sends the designed page in its place.
    test('every kind of 404 is the designed page, readable and usable', async ({ page }) => {
      for (const path of [
        '/technology/no-such-article',
        '/no-such-section',
        '/tags/no-such-topic',
        '/authors/no-such-author',
        '/technology?page=9999',
      ]) {
        const response = await page.goto(path)
        expect(response?.status(), path).toBe(404)
        await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Page not found')
        await expect(page, path).toHaveTitle('Page not found — Broadsheet')
        const sections = page.getByRole('navigation', { name: 'Sections' })
        await expect(sections.getByRole('link', { name: 'Technology' }), path).toBeVisible()
        expect(await page.locator('script').count(), path).toBe(0)
        expect(await page.locator('meta[name="robots"]').getAttribute('content'), path).toContain(
          'noindex',
        )
      }
      // Its search form works as a plain form.
      await page.getByRole('searchbox', { name: 'Search articles' }).fill('Ren Zhengfei')
      await page.getByRole('button', { name: 'Search' }).click()
      await expect(page).toHaveURL(/\/search\?q=Ren\+Zhengfei/)
      await expect(page.getByRole('link', { name: REFERENCE.headline })).toBeVisible()
    })
  })

  // axe runs as a script in the page, so this one has JavaScript; the document is the same (no script of its own).
  test('the 404 page passes axe in light and dark', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.goto('/technology/no-such-article')
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze()
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
        colorScheme,
      ).toEqual([])
    }
  })

  test('the not-found page is a 404 at its own address too', async ({ request }) => {
    const response = await request.get('/next/page-not-found')
    expect(response.status()).toBe(404)
    expect(await response.text()).toContain('<h1>Page not found</h1>')
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
