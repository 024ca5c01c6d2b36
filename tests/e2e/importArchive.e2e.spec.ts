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
  await reader.waitForLoadState('networkidle')
  expect(elsewhere).toEqual([])
  // The draft is not public.
  expect((await reader.goto(`${origin}/quayside/quayside-2`))?.status()).toBe(404)
  await reader.close()
})
