/**
 * Writes a WordPress export (WXR) of `posts` generated posts for the import
 * benchmark: four authors, nested categories, twelve tags, and posts shaped like
 * a newsroom's (three sections, a nested list, a table, code, a quote and two
 * comments, one a reply). Streamed to disk, so any size fits in memory.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'

const AUTHORS = ['ana', 'ben', 'chloe', 'dev']
const CATEGORIES: [string, string][] = [
  ['news', ''],
  ['council', 'news'],
  ['schools', 'news'],
  ['business', ''],
  ['sport', ''],
]
const TAGS =
  'bridges flooding budget transport housing energy health courts markets jobs weather cricket'.split(
    ' ',
  )
const SENTENCE = 'The council met again on Tuesday to weigh the cost of the new bridge. '

function post(i: number): string {
  const category = CATEGORIES[i % CATEGORIES.length]![0]
  const tags = [TAGS[i % TAGS.length]!, TAGS[(i * 7 + 3) % TAGS.length]!]
  const date = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000 * 5)
  const wp = date.toISOString().slice(0, 19).replace('T', ' ')
  const paragraph = `<!-- wp:paragraph --><p>${SENTENCE.repeat(4)}<strong>Costs</strong> rose by ${i % 90}%.</p><!-- /wp:paragraph -->\n`
  const body =
    paragraph.repeat(2) +
    `<!-- wp:heading --><h2>What it costs</h2><!-- /wp:heading -->\n${paragraph}` +
    '<!-- wp:list --><ul><li>The county<ul><li>from its roads fund</li></ul></li><li>The town</li></ul><!-- /wp:list -->\n' +
    `<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>Year</th><th>Cost</th></tr></thead><tbody><tr><td>2025</td><td>£${i}k</td></tr><tr><td>2026</td><td>£${i + 5}k</td></tr></tbody></table><figcaption>Budget ${i}</figcaption></figure><!-- /wp:table -->\n` +
    `<!-- wp:heading --><h2>What comes next</h2><!-- /wp:heading -->\n${paragraph}` +
    '<!-- wp:code --><pre class="wp-block-code"><code>total = 1.2 + 0.8\nprint(total)</code></pre><!-- /wp:code -->\n' +
    '<!-- wp:quote --><blockquote class="wp-block-quote"><p>It is the most important decision.</p><cite>Council leader</cite></blockquote><!-- /wp:quote -->\n'
  const comment = (id: number, parent: number, text: string) =>
    `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Reader ${id}</wp:comment_author>` +
    `<wp:comment_author_email>reader${id}@example.org</wp:comment_author_email><wp:comment_date_gmt>${wp}</wp:comment_date_gmt>` +
    `<wp:comment_content><![CDATA[${text}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>` +
    `<wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`
  return (
    `<item><title>Council weighs bridge plan, part ${i}</title><link>https://bench.example/${wp.slice(0, 10).replaceAll('-', '/')}/bridge-plan-${i}/</link>` +
    `<guid isPermaLink="false">https://bench.example/?p=${i}</guid><dc:creator>${AUTHORS[i % AUTHORS.length]}</dc:creator>` +
    `<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[The bridge plan, part ${i}.]]></excerpt:encoded>` +
    `<wp:post_id>${i}</wp:post_id><wp:post_date>${wp}</wp:post_date><wp:post_date_gmt>${wp}</wp:post_date_gmt>` +
    `<wp:comment_status>open</wp:comment_status><wp:post_name>bridge-plan-${i}</wp:post_name><wp:status>publish</wp:status>` +
    `<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>` +
    `<category domain="category" nicename="${category}"><![CDATA[${category}]]></category>` +
    tags
      .map((tag) => `<category domain="post_tag" nicename="${tag}"><![CDATA[${tag}]]></category>`)
      .join('') +
    comment(i * 10 + 1, 0, 'About time.') +
    comment(i * 10 + 2, i * 10 + 1, 'Agreed, <b>finally</b>.') +
    '</item>\n'
  )
}

export async function writeWxr(file: string, posts: number): Promise<void> {
  const out = createWriteStream(file)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" ' +
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
      'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Bench Gazette</title><link>https://bench.example</link>' +
      '<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>\n',
  )
  for (const login of AUTHORS) {
    await write(
      `<wp:author><wp:author_login>${login}</wp:author_login><wp:author_email>${login}@bench.example</wp:author_email>` +
        `<wp:author_display_name><![CDATA[${login.toUpperCase()} Writer]]></wp:author_display_name></wp:author>\n`,
    )
  }
  for (const [nicename, parent] of CATEGORIES) {
    await write(
      `<wp:category><wp:category_nicename>${nicename}</wp:category_nicename><wp:category_parent>${parent}</wp:category_parent>` +
        `<wp:cat_name><![CDATA[${nicename}]]></wp:cat_name></wp:category>\n`,
    )
  }
  for (const tag of TAGS) {
    await write(
      `<wp:tag><wp:tag_slug>${tag}</wp:tag_slug><wp:tag_name><![CDATA[${tag}]]></wp:tag_name></wp:tag>\n`,
    )
  }
  for (let i = 1; i <= posts; i += 1) await write(post(i))
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
}
