import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext } from '@playwright/test'
import sharp from 'sharp'

import { createArticle, editorHeaders, SAME_ORIGIN } from './api'
import { expect, test } from './fixtures'
import { htmlErrors } from './vnu'

test.setTimeout(240_000)

/** An image of the test's own, uploaded as the admin does; returns its id. */
async function uploadImage(
  request: APIRequestContext,
  name: string,
  fields: { alt: string; caption?: string; credit?: string },
  headers: Record<string, string> = SAME_ORIGIN,
): Promise<number> {
  const png = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 90, b: 140 } },
  })
    .png()
    .toBuffer()
  const uploaded = await request.post('/api/media', {
    headers,
    multipart: {
      file: { name, mimeType: 'image/png', buffer: png },
      _payload: JSON.stringify(fields),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  return ((await uploaded.json()) as { doc: { id: number } }).doc.id
}

test('a page with every kind of body content is valid HTML, accessible in light and dark, and fits 320 px', async ({
  page,
  request,
}) => {
  const stamp = Date.now().toString(36)
  const headers = await editorHeaders(request)
  const [first, second] = [
    await uploadImage(
      request,
      `depot-${stamp}.png`,
      { alt: 'The depot at dawn', credit: 'Ana Ruiz' },
      headers,
    ),
    await uploadImage(request, `shift-${stamp}.png`, { alt: 'Drivers changing shift' }, headers),
  ]
  const text = (value: string, format = 0) => ({
    type: 'text',
    text: value,
    format,
    style: '',
    mode: 'normal',
    detail: 0,
    version: 1,
  })
  const block = (fields: Record<string, unknown>) => ({
    type: 'block',
    version: 2,
    format: '',
    fields: { id: `${fields.blockType}${stamp}`, blockName: '', ...fields },
  })
  const longLine = `SELECT ${Array.from({ length: 30 }, (_, index) => `column_${index}`).join(', ')} FROM stops;`
  const { path } = await createArticle(request, headers, {
    headline: `Every body node ${stamp}`,
    body: [
      {
        heading: 'All of it',
        content: {
          root: {
            type: 'root',
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            children: [
              {
                type: 'paragraph',
                direction: 'ltr',
                format: '',
                indent: 0,
                version: 1,
                children: [text('CO'), text('2', 1 << 5), text(' at 10'), text('6', 1 << 6)],
              },
              block({ blockType: 'code', language: 'sql', code: longLine }),
              { type: 'horizontalrule', version: 1 },
              {
                type: 'upload',
                relationTo: 'media',
                value: first,
                fields: null,
                format: '',
                version: 3,
              },
              block({
                blockType: 'gallery',
                caption: 'The night shift',
                images: [{ image: first, caption: 'Before the first run.' }, { image: second }],
              }),
              block({ blockType: 'pullQuote', quote: 'We never stop.', attribution: 'A driver' }),
            ],
          },
        },
      },
    ],
  })

  const response = await request.get(path)
  expect(await htmlErrors({ [path]: await response.text() })).toEqual([])

  await page.setViewportSize({ width: 320, height: 700 })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.goto(path)
    await expect(page.locator('pre > code.language-sql')).toHaveText(longLine)
    // The long line scrolls inside its block; the page itself does not scroll sideways.
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0)
    const pre = page.locator('.code-block pre')
    expect(await pre.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
    await expect(
      page.getByRole('figure', { name: 'The night shift' }).getByRole('img'),
    ).toHaveCount(2)
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
    expect(results.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes[0]?.html}`)).toEqual([])
  }
})
