import { mkdirSync } from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext, Page } from '@playwright/test'

import { drawHeroImage } from '@/seed/heroImage'

import { createArticle, editorHeaders } from './api'
import { expect, test } from './fixtures'

/** Seeded: Ingrid Sato reports for World; "Coastal towns…" (with a picture) is tagged Climate. */
const AUTHOR = 'ingrid-sato'
const TOPIC = 'climate'

/** World stories of the test's own, newest first, each with a picture of its own. */
const STORIES = [
  {
    headline: 'Delta cities test floating homes as river floods grow more frequent',
    dek: 'Three river ports are building homes that rise with the water, and insurers are watching.',
    palette: ['#1f4e5f', '#e0c27a'],
  },
  {
    headline: 'Alpine villages share the cost of avalanche barriers as winters turn wetter',
    dek: 'A cross-border fund pays for nets and forest planting above six valley towns.',
    palette: ['#3b4a6b', '#c9d6df'],
  },
  {
    headline: 'Fishing co-operatives chart warming seas with sensors on their own boats',
    dek: 'Skippers log water temperature on every trip; scientists say the data fills a gap.',
    palette: ['#23395b', '#8fb8a8'],
  },
  {
    headline: 'Farmers on the plain switch to drought-hardy wheat after a third dry summer',
    dek: 'Seed banks report record orders for older varieties that need less water.',
    palette: ['#6b4f2a', '#e8d8a8'],
  },
] as const

const altOf = (headline: string) => `Two diverging paths, illustrating: ${headline}`

type Made = { deskPath: string; topicPath: string; bylinePath: string }
let made: Promise<Made> | undefined

/** Creates the stories once per worker: World desk, the Climate topic, Ingrid Sato's byline. */
function stories(request: APIRequestContext): Promise<Made> {
  made ??= (async () => {
    const headers = await editorHeaders(request)
    const idOf = async (collection: string, slug: string) => {
      const response = await request.get(`/api/${collection}?where[slug][equals]=${slug}`, {
        headers,
      })
      const { docs } = (await response.json()) as { docs: { id: number }[] }
      expect(docs[0], `seeded ${collection} ${slug}`).toBeDefined()
      return docs[0].id
    }
    const author = await idOf('authors', AUTHOR)
    const tag = await idOf('tags', TOPIC)
    const now = Date.now()
    // Oldest first, so the first story is the newest, whatever the clock does between requests.
    for (const [index, story] of [...STORIES.entries()].reverse()) {
      // A retried test (a new worker) finds the stories an earlier attempt made.
      const existing = await request.get(
        `/api/articles?where[headline][equals]=${encodeURIComponent(story.headline)}&limit=1`,
        { headers },
      )
      if (((await existing.json()) as { totalDocs: number }).totalDocs > 0) continue
      const uploaded = await request.post('/api/media', {
        headers,
        multipart: {
          file: {
            name: `listing-${index}.png`,
            mimeType: 'image/png',
            buffer: await drawHeroImage([...story.palette]),
          },
          _payload: JSON.stringify({ alt: altOf(story.headline) }),
        },
      })
      expect(uploaded.status(), await uploaded.text()).toBe(201)
      const { doc } = (await uploaded.json()) as { doc: { id: number } }
      await createArticle(request, headers, {
        headline: story.headline,
        dek: story.dek,
        authors: [author],
        tags: [tag],
        heroImage: doc.id,
        // Milliseconds apart, so they are the newest stories on their pages: a minute apart, the
        // stories other tests had just published fell between them and pushed the last off page 1.
        publishedAt: new Date(now - index * 10).toISOString(),
      })
    }
    return { deskPath: '/world', topicPath: `/tags/${TOPIC}`, bylinePath: `/authors/${AUTHOR}` }
  })()
  return made
}

/** Scrolls to the end so lazy pictures load, and waits until every picture on the page has. */
async function loadEveryPicture(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.images].every((image) => image.complete && image.naturalWidth > 0),
      ),
    )
    .toBe(true)
  await page.evaluate(() => window.scrollTo(0, 0))
}

/** The page's layout shifts so far (Chromium's buffered `layout-shift` entries): sum and what moved. */
function layoutShift(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        let total = 0
        const moved: string[] = []
        type Shift = PerformanceEntry & {
          value: number
          sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[]
        }
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[]) {
            total += entry.value
            for (const source of entry.sources) {
              const node = source.node as Element | undefined
              moved.push(
                `${entry.value.toFixed(4)} ${node?.nodeName}.${node?.className} ` +
                  `${JSON.stringify(source.previousRect)} -> ${JSON.stringify(source.currentRect)}`,
              )
            }
          }
        }).observe({ type: 'layout-shift', buffered: true })
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ total, moved })))
      }),
  )
}

const PAGES = [
  ['desk', 'deskPath'],
  ['topic', 'topicPath'],
  ['byline', 'bylinePath'],
] as const

for (const [kind, key] of PAGES) {
  test.describe(`a ${kind} page`, () => {
    test('leads with the newest story’s picture, preloaded, and thumbnails the rest lazily', async ({
      page,
      request,
    }) => {
      const listingPath = (await stories(request))[key]
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(listingPath)

      const lead = page.getByRole('img', { name: altOf(STORIES[0].headline) })
      await expect(lead).toBeVisible()
      await expect(lead).toHaveAttribute('width', '1600')
      await expect(lead).toHaveAttribute('height', '900')
      await expect(lead).toHaveAttribute('loading', 'eager')
      await expect(lead).toHaveAttribute('fetchpriority', 'high')
      // The lead's picture is the first card's, above its headline's link.
      await expect(page.getByRole('article').first()).toContainText(STORIES[0].headline)
      await expect(page.getByRole('article').first().getByRole('img')).toHaveAccessibleName(
        altOf(STORIES[0].headline),
      )

      // Preloaded from the head, with the very srcset and sizes the picture uses.
      const srcset = await lead.getAttribute('srcset')
      const sizes = await lead.getAttribute('sizes')
      // Several widths of the story's own upload, each named by its width.
      expect(srcset).toMatch(/^\/api\/media\/file\/\S+ \d+w(, \/api\/media\/file\/\S+ \d+w)+$/)
      const preloads = await page.evaluate(() =>
        [...document.head.querySelectorAll('link[rel="preload"][as="image"]')].map((link) => ({
          srcset: link.getAttribute('imagesrcset'),
          sizes: link.getAttribute('imagesizes'),
        })),
      )
      expect(preloads).toContainEqual({ srcset, sizes })

      // Every later story shows its thumbnail beside the text, loaded only when scrolled to.
      for (const story of STORIES.slice(1)) {
        const card = page.getByRole('article').filter({ hasText: story.headline })
        await expect(card.getByText(story.dek)).toBeVisible()
        const thumb = card.getByRole('img', { name: altOf(story.headline) })
        await expect(thumb).toHaveAttribute('loading', 'lazy')
        await expect(thumb).toHaveAttribute('width', '1600')
        await expect(thumb).toHaveAttribute('height', '900')
        const box = await thumb.boundingBox()
        expect(box?.width, story.headline).toBeLessThanOrEqual(200)
      }
    })

    for (const width of [320, 1280]) {
      test(`does not shift while its pictures load at ${width} px`, async ({ page, request }) => {
        const listingPath = (await stories(request))[key]
        await page.setViewportSize({ width, height: 800 })
        await page.goto(listingPath)
        await loadEveryPicture(page)
        const { total, moved } = await layoutShift(page)
        expect(total, moved.join('\n')).toBeLessThan(0.01)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow).toBeLessThanOrEqual(0)
      })
    }

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`has no WCAG 2.2 AA violations axe can find, ${colorScheme}`, async ({
        page,
        request,
      }) => {
        const listingPath = (await stories(request))[key]
        await page.emulateMedia({ colorScheme })
        await page.goto(listingPath)
        await loadEveryPicture(page)
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze()
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
        ).toEqual([])
      })
    }
  })
}

test('the desk page’s screenshots in docs/screenshots show every picture loaded', async ({
  page,
  request,
}) => {
  const { deskPath } = await stories(request)
  const folder = path.join(process.cwd(), 'docs', 'screenshots')
  mkdirSync(folder, { recursive: true })
  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 })
      await page.emulateMedia({ colorScheme })
      await page.goto(deskPath)
      await loadEveryPicture(page)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('World')
      await page.screenshot({
        path: path.join(folder, `desk-${width}-${colorScheme}.png`),
        fullPage: true,
      })
    }
  }
})
