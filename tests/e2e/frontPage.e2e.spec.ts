import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext, Page } from '@playwright/test'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { createArticle, editorHeaders } from './api'
import { EDITOR, expect, test } from './fixtures'
import { FrontPageAdmin } from './pages/FrontPageAdmin'

// The shipped Varnish in front of the test server (as in edge.e2e.spec.ts): readers read through it.
let edge: Edge
let workDir: string

test.beforeAll(async () => {
  const backend = new URL(process.env.E2E_BASE_URL!)
  workDir = path.join('.data', `e2e-varnish-front-${Date.now().toString(36)}`)
  edge = await startEdge({
    listenPort: Number(process.env.E2E_EDGE_PORT),
    backendHost: backend.hostname,
    backendPort: Number(backend.port),
    workDir: path.resolve(workDir),
  })
})

test.afterAll(async () => {
  await edge?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

const edgeUrl = () => `http://127.0.0.1:${edge.port}`

/** Puts the front page back as it ships: nothing pinned, the latest stories everywhere. */
async function restoreFrontPage(request: APIRequestContext) {
  const response = await request.post('/api/globals/front-page', {
    headers: await editorHeaders(request),
    data: { lead: null, topStories: [], topStoryCount: 4, deskRails: [], _status: 'published' },
  })
  expect(response.ok(), 'restore the front page').toBe(true)
}

/** What a reader sees: the lead's headline and the top stories' headlines, in order. */
async function frontOf(page: Page) {
  await page.goto('/')
  const lead = await page
    .getByRole('region', { name: 'Top story' })
    .getByRole('heading')
    .innerText()
  const top = await page
    .getByRole('region', { name: 'Top stories' })
    .getByRole('heading', { level: 3 })
    .allInnerTexts()
  return { lead, top }
}

test('an editor pins a lead and orders the top stories; readers see it through the proxy, a newer story does not displace the lead, and an unpublished lead falls back with a notice', async ({
  browser,
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const stamp = Date.now().toString(36)
  const older = `Lighthouse keepers return ${stamp}`
  const second = `Tram line extended ${stamp}`
  const first = `Market hall reopens ${stamp}`
  const { articleId: leadId } = await createArticle(request, headers, { headline: older })
  await createArticle(request, headers, { headline: second })
  await createArticle(request, headers, { headline: first })
  await createArticle(request, headers, { headline: `Bridge repairs finish ${stamp}` })

  const reader = await browser.newContext({ baseURL: edgeUrl() })
  const readerPage = await reader.newPage()
  try {
    const editor = new FrontPageAdmin(page)
    await editor.admin.login(EDITOR.email, EDITOR.password)
    await editor.open()
    await editor.pinLead(older)
    await editor.addTopStory(second)
    await editor.addTopStory(first)
    await editor.moveTopStoryUp(1)
    expect((await editor.publish()).ok()).toBe(true)

    await expect
      .poll(() => frontOf(readerPage), { timeout: 10_000 })
      .toMatchObject({ lead: older, top: [first, second, expect.any(String), expect.any(String)] })

    // A newer story takes an unpinned top-story slot, not the lead.
    const newer = `Harbour fog lifts ${stamp}`
    await createArticle(request, headers, { headline: newer })
    await expect
      .poll(async () => (await frontOf(readerPage)).top, { timeout: 10_000 })
      .toContain(newer)
    expect((await frontOf(readerPage)).lead).toBe(older)

    // Unpublished: readers get the latest story as the lead; the editor is told.
    const unpublished = await request.patch(`/api/articles/${leadId}`, {
      headers,
      data: { _status: 'draft' },
    })
    expect(unpublished.ok()).toBe(true)
    await expect.poll(async () => (await frontOf(readerPage)).lead, { timeout: 10_000 }).toBe(newer)
    await editor.open()
    await expect(editor.notice).toContainText(
      `The pinned lead “${older}” is no longer published, so readers see the latest story, “${newer}”. Pick another lead or clear the pin.`,
    )
  } finally {
    await reader.close()
    await restoreFrontPage(request)
  }
})

const widths = [
  { name: '320 px', width: 320, height: 700 },
  { name: 'desktop', width: 1280, height: 900 },
]

test.describe('the home page', () => {
  // A seeded story with a picture leads, whatever other tests published since.
  test.beforeEach(async ({ request }) => {
    const found = await request.get(
      '/api/articles?where[slug][equals]=trade-ministers-agree-critical-mineral-tracking-framework&depth=0',
      { headers: await editorHeaders(request) },
    )
    const [article] = (await found.json()).docs
    const response = await request.post('/api/globals/front-page', {
      headers: await editorHeaders(request),
      data: { lead: article.id, _status: 'published' },
    })
    expect(response.ok(), 'pin a pictured lead').toBe(true)
  })
  test.afterEach(async ({ request }) => restoreFrontPage(request))

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no WCAG 2.2 AA violations axe can find, in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      await page.goto('/')
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze()
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
      ).toEqual([])
    })
  }

  for (const { name, width, height } of widths) {
    test(`shows its pictures without moving the text, at ${name}`, async ({ page }) => {
      await page.setViewportSize({ width, height })
      await page.goto('/')
      const pictures = page.getByRole('main').getByRole('img')
      await expect(pictures.first()).toBeVisible()
      // Every picture loaded, the lazy ones too (scrolled into view), then the shifts counted.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
      await expect
        .poll(() => page.evaluate(() => [...document.images].every((image) => image.complete)))
        .toBe(true)
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & {
                value: number
                hadRecentInput: boolean
              })[]) {
                if (!entry.hadRecentInput) total += entry.value
              }
            }).observe({ type: 'layout-shift', buffered: true })
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)))
          }),
      )
      expect(shift).toBeLessThan(0.01)
    })
  }

  test('preloads the lead’s picture and gives every picture its size and text', async ({
    page,
  }) => {
    await page.goto('/')
    const preload = page.locator('link[rel="preload"][as="image"]')
    await expect(preload).toHaveCount(1)
    await expect(preload).toHaveAttribute('imagesrcset', /\dw/)
    const lead = page.getByRole('region', { name: 'Top story' }).getByRole('img')
    await expect(lead).toHaveAttribute('fetchpriority', 'high')
    await expect(lead).toHaveAttribute('alt', /cargo ship/)
    for (const image of await page.getByRole('main').getByRole('img').all()) {
      await expect(image).toHaveAttribute('width', /^\d+$/)
      await expect(image).toHaveAttribute('height', /^\d+$/)
      await expect(image).toHaveAttribute('alt', /\S/)
    }
  })

  test('screenshots for the docs, at 375 and 1280 px, light and dark', async ({ page }) => {
    const dir = path.resolve('docs/screenshots')
    mkdirSync(dir, { recursive: true })
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 })
        await page.emulateMedia({ colorScheme })
        await page.goto('/')
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
        await expect
          .poll(() => page.evaluate(() => [...document.images].every((image) => image.complete)))
          .toBe(true)
        await page.evaluate(() => window.scrollTo(0, 0))
        const file = path.join(dir, `home-${width}-${colorScheme}.png`)
        await page.screenshot({ path: file, fullPage: true })
        await expect(page.getByRole('region', { name: 'Top story' })).toBeVisible()
      }
    }
  })
})
