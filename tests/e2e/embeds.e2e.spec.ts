import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import AxeBuilder from '@axe-core/playwright'
import sharp from 'sharp'

import { plainTextToLexical } from '@/seed/lexical'

import { createArticle, editorHeaders } from './api'
import { expect, test } from './fixtures'
import { htmlErrors } from './vnu'

/**
 * An embed on the reader page: the card made when the article was saved,
 * from a local server that speaks oEmbed. Nothing is requested from the
 * provider — not its page, its thumbnail or its player — until the reader
 * clicks to load the player.
 */

const PLAYER_ORIGIN = 'https://player.quayside-video.invalid'
let server: Server
let origin: string

test.beforeAll(async () => {
  const thumbnail = await sharp({
    create: { width: 640, height: 360, channels: 3, background: '#305070' },
  })
    .jpeg()
    .toBuffer()
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture')
    if (url.pathname === '/video/7') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<link rel="alternate" type="application/json+oembed" href="${origin}/oembed?format=json">`,
        )
    } else if (url.pathname === '/oembed') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          type: 'video',
          title: 'Cranes at work on the quay',
          author_name: 'Quayside Video desk',
          provider_name: 'Quayside Video',
          thumbnail_url: `${origin}/thumb.jpg`,
          width: 640,
          height: 360,
          html: `<iframe src="${PLAYER_ORIGIN}/embed/7"></iframe>`,
        }),
      )
    } else if (url.pathname === '/thumb.jpg') {
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end(thumbnail)
    } else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('a reader sees an embed as a card, with no third-party request until they click to load the player', async ({
  page,
  request,
  baseURL,
}) => {
  const headers = await editorHeaders(request)
  const text = plainTextToLexical('The cranes are back at work.')
  const embed = {
    type: 'block',
    version: 2,
    format: '',
    fields: { id: 'e2e-embed-7', blockName: '', blockType: 'embed', url: `${origin}/video/7` },
  }
  const { path } = await createArticle(request, headers, {
    headline: 'Embed on the reader page: cranes at work',
    body: [
      {
        heading: 'The video',
        content: { root: { ...text.root, children: [...text.root.children, embed] } },
      },
    ],
  })

  const elsewhere: string[] = []
  page.on('request', (sent) => {
    if (!sent.url().startsWith(baseURL!) && !sent.url().startsWith('data:')) {
      elsewhere.push(sent.url())
    }
  })
  const response = await page.goto(path)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['content-security-policy']).toContain(`frame-src ${PLAYER_ORIGIN}`)
  const card = page.locator('figure.embed-card')
  await expect(card.getByRole('link', { name: 'Cranes at work on the quay' })).toHaveAttribute(
    'href',
    `${origin}/video/7`,
  )
  await expect(card).toContainText('Quayside Video desk · Quayside Video')
  // The thumbnail is this site's copy in Media.
  const thumbnail = card.locator('img')
  await expect(thumbnail).toHaveAttribute('alt', 'Still from “Cranes at work on the quay”')
  expect(new URL((await thumbnail.getAttribute('src'))!, baseURL).origin).toBe(
    new URL(baseURL!).origin,
  )
  await expect(card.locator('iframe')).toHaveCount(0)
  await page.waitForLoadState('networkidle')
  expect(elsewhere).toEqual([])
  // The card is valid HTML, accessible in light and dark, and fits a 320 px screen.
  expect(await htmlErrors({ [path]: await response!.text() })).toEqual([])
  await page.setViewportSize({ width: 320, height: 700 })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
    expect(results.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes[0]?.html}`)).toEqual([])
  }
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBe(0)

  // Consent by click: only now is the player framed.
  await card.getByRole('button', { name: /Load from Quayside Video/ }).click()
  const frame = card.locator('iframe')
  await expect(frame).toHaveAttribute('src', `${PLAYER_ORIGIN}/embed/7`)
  await expect(frame).toHaveAttribute('title', 'Cranes at work on the quay')
  await expect.poll(() => elsewhere.some((url) => url.startsWith(PLAYER_ORIGIN))).toBe(true)
})
