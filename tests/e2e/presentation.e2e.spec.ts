import AxeBuilder from '@axe-core/playwright'

import { expect, REFERENCE, test } from './fixtures'

test.describe('reader pages', () => {
  for (const path of ['/', '/technology', REFERENCE.path, '/technology/no-such-article']) {
    test(`${path} has no WCAG 2.2 AA violations axe can find`, async ({ page }) => {
      await page.goto(path)
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze()
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
      ).toEqual([])
    })
  }

  test('the article in dark mode passes the contrast checks too', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto(REFERENCE.path)
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(22, 23, 26)')
    const results = await new AxeBuilder({ page }).withTags(['wcag2aa']).analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])
  })

  test('fit a 320 px screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 })
    for (const path of ['/', '/technology', REFERENCE.path]) {
      await page.goto(path)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, path).toBeLessThanOrEqual(0)
    }
  })

  test('set body text at a readable measure (at most 75 characters a line)', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(REFERENCE.path)
    // Characters a line, for this paragraph's own text in its own font.
    const charactersPerLine = await page.evaluate(() => {
      const paragraph = document.querySelector('article section p') as HTMLElement
      const probe = document.createElement('span')
      probe.style.whiteSpace = 'nowrap'
      probe.textContent = paragraph.textContent
      paragraph.append(probe)
      const perCharacter = probe.getBoundingClientRect().width / (probe.textContent?.length ?? 1)
      probe.remove()
      return paragraph.getBoundingClientRect().width / perCharacter
    })
    expect(charactersPerLine).toBeGreaterThanOrEqual(60)
    expect(charactersPerLine).toBeLessThanOrEqual(75)
  })

  test('print the article without navigation, share links or comments', async ({ page }) => {
    await page.emulateMedia({ media: 'print' })
    await page.goto(REFERENCE.path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Share this article' })).toBeHidden()
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden()
    await expect(page.getByRole('table', { name: 'Ascend 910 vs. Nvidia H100' })).toBeVisible()
  })

  test('reserve the hero image’s space before it loads (no layout shift)', async ({ page }) => {
    await page.goto(REFERENCE.path)
    const hero = page.getByRole('img', { name: /two diverging paths/ })
    await expect(hero).toHaveAttribute('width', '1600')
    await expect(hero).toHaveAttribute('height', '900')
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
              total += entry.value
          }).observe({ type: 'layout-shift', buffered: true })
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)))
        }),
    )
    expect(shift).toBeLessThan(0.01)
  })
})
