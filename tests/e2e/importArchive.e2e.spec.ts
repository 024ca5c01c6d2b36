import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { run } from '../support/run'
import { AdminPage } from './pages/AdminPage'
import { EDITOR, expect, test } from './fixtures'

test.setTimeout(180_000)

const SITE = 'https://e2e-quayside.example'

/** A WordPress export: one post with the body content that matters, a draft, and filler. */
function exportFile(): string {
  const item = (n: number, title: string, body: string, status: string, extra = '') => `<item>
<title>${title}</title><link>${SITE}/2024/05/0${(n % 9) + 1}/quayside-${n}/</link>
<guid isPermaLink="false">${SITE}/?p=${n}</guid><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[${title}, in brief.]]></excerpt:encoded>
<wp:post_id>${n}</wp:post_id><wp:post_date_gmt>2024-05-0${(n % 9) + 1} 08:00:00</wp:post_date_gmt><wp:post_name>quayside-${n}</wp:post_name>
<wp:status>${status}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="quayside"><![CDATA[Quayside]]></category>${extra}</item>`
  const comment = (id: number, approved: string, text: string) => `<wp:comment>
<wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${id}]]></wp:comment_author>
<wp:comment_author_email>reader${id}@example.org</wp:comment_author_email>
<wp:comment_date_gmt>2024-05-03 09:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[${text}]]></wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved>
<wp:comment_parent>0</wp:comment_parent></wp:comment>`
  const rich = `<!-- wp:paragraph --><p>The quay reopened on Monday.</p><!-- /wp:paragraph -->
<!-- wp:heading --><h2>How it was rebuilt</h2><!-- /wp:heading -->
<!-- wp:code --><pre class="wp-block-code"><code class="language-python">print("tide")</code></pre><!-- /wp:code -->
<!-- wp:list --><ul><li>Piles<ul><li>Steel</li></ul></li><li>Deck</li></ul><!-- /wp:list -->
<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>It is quieter than my kettle.</p><cite>A crane driver</cite></blockquote></figure><!-- /wp:pullquote -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=quay42"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=quay42
</div></figure><!-- /wp:embed -->
<!-- wp:paragraph --><p>Hostile: <a href="javascript:alert(1)">click</a><script>alert(2)</script></p><!-- /wp:paragraph -->`
  const items = [
    item(
      1,
      'The quayside reopens',
      rich,
      'publish',
      comment(11, '1', 'Good to see it open again.') +
        comment(12, '0', 'A comment still waiting for moderation.'),
    ),
    item(2, 'Quayside draft: the next phase', '<p>Still being written.</p>', 'draft'),
    ...Array.from({ length: 40 }, (_, i) =>
      item(100 + i, `Quayside notes ${i + 1}`, `<p>Note ${i + 1} from the quay.</p>`, 'publish'),
    ),
  ]
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Quayside</title><link>${SITE}</link><wp:base_site_url>${SITE}</wp:base_site_url>
<wp:category><wp:category_nicename>quayside</wp:category_nicename><wp:cat_name>Quayside</wp:cat_name></wp:category>
${items.join('\n')}
</channel></rss>
`
}

test('an editor imports a WordPress export from the admin, watches its progress, reads the report and opens a draft; readers get the published posts', async ({
  page,
  browser,
}) => {
  const admin = new AdminPage(page)
  await admin.login(EDITOR.email, EDITOR.password)
  await admin.open('/admin/collections/articles')
  await page.getByText('Import a WordPress or Ghost export').click()
  await page.getByLabel('Export file').setInputFiles({
    name: 'quayside.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(exportFile()),
  })
  await page.getByRole('button', { name: 'Start import' }).click()

  const progress = page.getByRole('region', { name: 'Import progress' })
  await expect(progress).toContainText(/Importing quayside\.xml: \d+ of (42|…) items/)
  await expect(progress).toContainText('Done: 42 imported, 0 updated, 0 unchanged, 0 skipped.', {
    timeout: 150_000,
  })
  await expect(progress).toContainText(
    /Created 1 desk, 0 topics, 1 byline, 2 comments, \d+ redirects, 0 images\./,
  )
  await expect(progress).toContainText(/javascript:alert\(1\).*removed/)

  // The draft opens in the editor from the report.
  await progress.getByRole('link', { name: 'Quayside draft: the next phase' }).click()
  await page.waitForURL(/\/admin\/collections\/articles\/\d+$/)
  await expect(page.getByLabel('Headline')).toHaveValue('Quayside draft: the next phase')

  // A reader (no login) gets the published post with its code, list, pull quote and approved
  // comment, nothing pending, nothing hostile, and no request leaves the site.
  const reader = await browser.newPage()
  const origin = new URL(page.url()).origin
  const elsewhere: string[] = []
  reader.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) {
      elsewhere.push(request.url())
    }
  })
  const response = await reader.goto(`${origin}/quayside/quayside-1`)
  expect(response?.status()).toBe(200)
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('The quayside reopens')
  await expect(reader.locator('pre code')).toHaveText('print("tide")')
  await expect(reader.locator('article li li')).toHaveText('Steel')
  await expect(reader.getByText('It is quieter than my kettle.')).toBeVisible()
  await expect(reader.getByText('Good to see it open again.')).toBeVisible()
  await expect(reader.getByText('A comment still waiting for moderation.')).toHaveCount(0)
  await expect(reader.locator('a[href^="javascript:"]')).toHaveCount(0)
  // The embed, imported without fetching, is a plain link to the video until an editor saves.
  await expect(
    reader.locator('.embed-link a[href="https://www.youtube.com/watch?v=quay42"]'),
  ).toBeVisible()
  await reader.waitForLoadState('networkidle')
  expect(elsewhere).toEqual([])
  // The draft is not public.
  expect((await reader.goto(`${origin}/quayside/quayside-2`))?.status()).toBe(404)
  await reader.close()
})

/** `npm run import:wordpress` on the end-to-end database, beside the running site. */
function importCommand(file: string, ...options: string[]): Promise<string> {
  return run(
    process.execPath,
    ['--import', 'tsx', 'src/scripts/importWordPress.ts', file, ...options],
    {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PAYLOAD_SECRET: 'end-to-end-test-secret-0123456789',
      MEDIA_DIR: process.env.E2E_MEDIA_DIR,
      PORT: new URL(process.env.E2E_BASE_URL!).port,
    },
  )
}

test('an import from the command line refreshes the running site: a post and a desk asked for before they were imported show at once', async ({
  request,
}) => {
  const site = 'https://e2e-cli-harbour.example'
  const post = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Harbour</title><link>${site}</link><wp:base_site_url>${site}</wp:base_site_url>
<wp:category><wp:category_nicename>harbour-cli</wp:category_nicename><wp:cat_name>Harbour CLI</wp:cat_name></wp:category>
<item><title>Tugboats strike a deal on night shifts</title><link>${site}/2026/11/30/tugboats-deal/</link>
<guid isPermaLink="false">${site}/?p=7</guid><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>The tug crews agreed a new night rota on Monday.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[A new night rota for the tug crews.]]></excerpt:encoded>
<wp:post_id>7</wp:post_id><wp:post_date_gmt>2026-11-30 08:00:00</wp:post_date_gmt><wp:post_name>tugboats-deal</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="harbour-cli"><![CDATA[Harbour CLI]]></category></item>
</channel></rss>
`
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wxr-')), 'harbour.xml')
  writeFileSync(file, post)
  const address = '/harbour-cli/tugboats-deal'
  // Asked for before they exist: the post's address and its new desk's page, in the site's cache.
  expect((await request.get(address)).status()).toBe(404)
  expect((await request.get('/harbour-cli')).status()).toBe(404)

  const base = new URL(process.env.E2E_BASE_URL!)
  const output = await importCommand(file)
  expect(output).toMatch(/1 imported/)
  expect(output).toContain(`Readers' pages refreshed at http://127.0.0.1:${base.port}`)

  const page = await request.get(address)
  expect(page.status()).toBe(200)
  expect(await page.text()).toContain('Tugboats strike a deal on night shifts')
  // The desk's page, as the site lists desks anew: waited for, not slept on.
  await expect
    .poll(
      async () => {
        const desk = await request.get('/harbour-cli')
        return desk.status() === 200 && (await desk.text()).includes('Tugboats strike a deal')
      },
      { timeout: 15_000 },
    )
    .toBe(true)
})

test('a post imported with --fetch-media shows readers its image, gallery and embed card from this site, with no request elsewhere', async ({
  page,
}) => {
  const picture = (background: string) =>
    sharp({ create: { width: 1200, height: 800, channels: 3, background } })
      .jpeg()
      .toBuffer()
  const files = new Map<string, Buffer>([
    ['/wp-content/uploads/2024/06/quay.jpg', await picture('#204060')],
    ['/wp-content/uploads/2024/06/crane-1.jpg', await picture('#806040')],
    ['/wp-content/uploads/2024/06/crane-2.jpg', await picture('#408060')],
    ['/thumb.jpg', await picture('#305070')],
  ])
  const old = createServer((request, response) => {
    if (request.url === '/video/9') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<link rel="alternate" type="application/json+oembed" href="/oembed/9">')
    } else if (request.url === '/oembed/9') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          type: 'video',
          title: 'The quay at high tide',
          provider_name: 'Quayside Video',
          thumbnail_url: `${site}/thumb.jpg`,
          html: '<iframe src="https://player.quayside-video.invalid/embed/9"></iframe>',
        }),
      )
    } else if (files.has(request.url ?? '')) {
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end(files.get(request.url!))
    } else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve))
  const site = `http://127.0.0.1:${(old.address() as AddressInfo).port}`
  try {
    const body = `<!-- wp:paragraph --><p>The quay at high tide, in pictures.</p><!-- /wp:paragraph -->
<!-- wp:image --><figure class="wp-block-image"><img src="/wp-content/uploads/2024/06/quay.jpg" alt="The quay under water"/><figcaption>Monday, 7 a.m.</figcaption></figure><!-- /wp:image -->
<!-- wp:gallery --><figure class="wp-block-gallery has-nested-images">
<figure class="wp-block-image"><img src="/wp-content/uploads/2024/06/crane-1.jpg" alt="The first crane"/></figure>
<figure class="wp-block-image"><img src="/wp-content/uploads/2024/06/crane-2.jpg" alt="The second crane"/></figure>
<figcaption>The cranes, idle.</figcaption></figure><!-- /wp:gallery -->
<!-- wp:embed {"url":"${site}/video/9"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${site}/video/9</div></figure><!-- /wp:embed -->`
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Tides</title><link>${site}</link><wp:base_site_url>${site}</wp:base_site_url>
<wp:category><wp:category_nicename>tides-cli</wp:category_nicename><wp:cat_name>Tides CLI</wp:cat_name></wp:category>
<item><title>High tide floods the quay</title><guid isPermaLink="false">${site}/?p=3</guid><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[The quay went under on Monday.]]></excerpt:encoded>
<wp:post_id>3</wp:post_id><wp:post_date_gmt>2026-11-30 07:00:00</wp:post_date_gmt><wp:post_name>high-tide-quay</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="tides-cli"><![CDATA[Tides CLI]]></category></item>
</channel></rss>
`
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wxr-')), 'tides.xml')
    writeFileSync(file, xml)
    const base = new URL(process.env.E2E_BASE_URL!)
    // The old site is this machine: --fetch-media-private lets the import read it.
    const output = await importCommand(file, '--fetch-media-private')
    expect(output).toMatch(/1 imported/)
    expect(output).toMatch(/Created: .*, 3 images/)

    const elsewhere: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.protocol !== 'data:' && url.origin !== base.origin) elsewhere.push(request.url())
    })
    const response = await page.goto('/tides-cli/high-tide-quay')
    expect(response?.status()).toBe(200)
    const article = page.locator('article')
    await expect(article.getByRole('img', { name: 'The quay under water' })).toBeVisible()
    await expect(article.getByText('Monday, 7 a.m.')).toBeVisible()
    const gallery = article.locator('.gallery')
    await expect(gallery.locator('img')).toHaveCount(2)
    await expect(gallery.getByRole('img', { name: 'The second crane' })).toBeVisible()
    await expect(gallery).toContainText('The cranes, idle.')
    const card = article.locator('figure.embed-card')
    await expect(card.getByRole('link', { name: 'The quay at high tide' })).toHaveAttribute(
      'href',
      `${site}/video/9`,
    )
    await expect(card.getByRole('button', { name: /Load from Quayside Video/ })).toBeVisible()
    await expect(card.locator('iframe')).toHaveCount(0)
    await page.waitForLoadState('networkidle')
    // Every picture, the card's thumbnail too, is this site's copy in Media.
    expect(elsewhere).toEqual([])
  } finally {
    await new Promise<void>((resolve) => old.close(() => resolve()))
  }
})
