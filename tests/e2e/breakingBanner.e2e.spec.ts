import http from 'node:http'
import { rmSync } from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext } from '@playwright/test'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { createArticle, editorHeaders } from './api'
import { EDITOR, expect, test } from './fixtures'
import { AdminPage } from './pages/AdminPage'

// Readers get pages from the shipped Varnish (deploy/varnish/default.vcl), which the test server
// purges (PURGE_URLS, tests/e2e/globalSetup.ts): a banner must come and go there too.
let edge: Edge
let workDir: string

test.beforeAll(async () => {
  const backend = new URL(process.env.E2E_BASE_URL!)
  workDir = path.join('.data', `e2e-varnish-breaking-${Date.now().toString(36)}`)
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

/** A reader's page through the proxy, on a connection of its own. */
function throughProxy(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port: edge.port, path: target, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      },
    )
    request.on('error', reject)
  })
}

/** The headline the banner links to on a page, or null when the page has no banner. */
async function bannerOn(target: string): Promise<string | null> {
  const html = await throughProxy(target)
  const banner = html.match(
    /<section class="breaking-banner" aria-label="Breaking news">(.*?)<\/section>/,
  )
  return banner ? (banner[1]!.match(/<a [^>]*>([^<]*)<\/a>/)?.[1] ?? '') : null
}

async function setBreaking(
  request: APIRequestContext,
  headers: Record<string, string>,
  id: number,
  data: { breaking: boolean; breakingUntil?: string },
) {
  const response = await request.patch(`/api/articles/${id}`, { headers, data })
  expect(response.ok(), `set breaking on ${id}`).toBe(true)
}

test('a story breaking for a few seconds shows on the home, desk and article pages through the proxy, then leaves them on its own', async ({
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Storm closes the harbour ${Date.now().toString(36)}`
  const until = new Date(Date.now() + 15_000).toISOString()
  const { path: story } = await createArticle(request, headers, {
    headline,
    breaking: true,
    breakingUntil: until,
  })
  const pages = ['/', '/world', story]
  for (const page of pages) {
    await expect.poll(() => bannerOn(page), { message: page, timeout: 10_000 }).toBe(headline)
  }
  expect(await throughProxy(story)).toContain('class="label-breaking"')
  // No editor does anything now: the expiry job takes the banner and the label away.
  for (const page of pages) {
    await expect.poll(() => bannerOn(page), { message: page, timeout: 30_000 }).toBeNull()
  }
  expect(await throughProxy(story)).not.toContain('class="label-breaking"')
})

test('clearing Breaking takes the banner off every page through the proxy', async ({ request }) => {
  const headers = await editorHeaders(request)
  const headline = `Bridge reopens ${Date.now().toString(36)}`
  const { articleId, path: story } = await createArticle(request, headers, {
    headline,
    breaking: true,
  })
  const pages = ['/', '/world', story]
  for (const page of pages) await expect.poll(() => bannerOn(page)).toBe(headline)
  await setBreaking(request, headers, articleId, { breaking: false })
  for (const page of pages) await expect.poll(() => bannerOn(page), { message: page }).toBeNull()
})

test('an editor ticks Breaking in the admin, and publishing fills in “Breaking until”', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const { articleId } = await createArticle(request, headers, {
    headline: `Council vote delayed ${Date.now().toString(36)}`,
  })
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open(`/admin/collections/articles/${articleId}`)
  // Payload's date picker does not tie its label to the input: the field's box holds it.
  const until = admin.field('Breaking until')
  await expect(until).toHaveCount(0)
  await page.getByLabel('Breaking', { exact: true }).check()
  await expect(until.getByRole('textbox')).toHaveValue('')
  expect((await admin.publish()).ok()).toBe(true)
  await expect(until.getByRole('textbox')).not.toHaveValue('')
  await setBreaking(request, headers, articleId, { breaking: false })
})

test('pages with the banner have no accessibility violations, light and dark', async ({
  page,
  request,
}) => {
  const headers = await editorHeaders(request)
  const headline = `Power restored ${Date.now().toString(36)}`
  const { articleId, path: story } = await createArticle(request, headers, {
    headline,
    breaking: true,
  })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    for (const target of ['/', story]) {
      await page.goto(target)
      const banner = page.getByRole('region', { name: 'Breaking news' })
      await expect(banner.getByRole('link', { name: headline })).toHaveAttribute('href', story)
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze()
      expect(results.violations.map((v) => `${colorScheme} ${target}: ${v.id}`)).toEqual([])
    }
  }
  await setBreaking(request, headers, articleId, { breaking: false })
})
