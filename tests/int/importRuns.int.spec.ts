import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { ImportRun } from '@/payload-types'

import { createUser } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

/**
 * The admin's archive import (src/import/runs.ts): an editor uploads an
 * export, the run answers 202 at once, its progress and report land on the
 * run, and the articles are there. Authors, readers and files that are not
 * exports are refused with a reason.
 */

const post = REST_POST(config)
let payload: Payload
let editorToken: string
let authorToken: string

const wxr = (tag: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Runs Gazette</title><link>https://runs-${tag}.example</link><wp:base_site_url>https://runs-${tag}.example</wp:base_site_url>
<wp:category><wp:category_nicename>runs-${tag}</wp:category_nicename><wp:cat_name>Runs ${tag}</wp:cat_name></wp:category>
${[1, 2, 3]
  .map(
    (
      n,
    ) => `<item><title>Run ${tag} story ${n}</title><link>https://runs-${tag}.example/story-${n}/</link>
<guid isPermaLink="false">https://runs-${tag}.example/?p=${n}</guid><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>Story ${n} of the run.</p>${n === 3 ? '[gallery ids="1"]' : ''}]]></content:encoded><excerpt:encoded><![CDATA[Story ${n}.]]></excerpt:encoded>
<wp:post_id>${n}</wp:post_id><wp:post_date_gmt>2024-05-0${n} 08:00:00</wp:post_date_gmt><wp:post_name>run-${tag}-story-${n}</wp:post_name>
<wp:status>${n === 2 ? 'draft' : 'publish'}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="runs-${tag}"><![CDATA[Runs ${tag}]]></category></item>`,
  )
  .join('\n')}
</channel></rss>
`

function start(body: string | Uint8Array, token?: string, query = 'filename=export.xml') {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
  if (token) headers.authorization = `JWT ${token}`
  const request = new Request(`http://localhost/api/import-runs/start?${query}`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit)
  return post(request, { params: Promise.resolve({ slug: ['import-runs', 'start'] }) })
}

async function finished(id: number): Promise<ImportRun> {
  let run: ImportRun | null = null
  await vi.waitFor(
    async () => {
      run = await payload.findByID({ collection: 'import-runs', id, depth: 0 })
      expect(run.status).not.toBe('running')
    },
    { timeout: 120_000, interval: 250 },
  )
  return run!
}

beforeAll(async () => {
  payload = await testPayload()
  editorToken = await logIn((await createUser(payload, 'editor')).email)
  authorToken = await logIn((await createUser(payload, 'author')).email)
}, 120_000)

describe('POST /api/import-runs/start (the admin’s archive import)', () => {
  it('imports an uploaded WordPress export in the background, with its progress and report on the run', async () => {
    const response = await start(wxr('a'), editorToken)
    expect(response.status).toBe(202)
    const { id, platform } = (await response.json()) as { id: number; platform: string }
    expect(platform).toBe('wordpress')
    const run = await finished(id)
    expect(run).toMatchObject({
      status: 'done',
      platform: 'wordpress',
      filename: 'export.xml',
      total: 3,
      done: 3,
      imported: 3,
      skipped: 0,
    })
    const report = run.report as {
      articles: { id: number; headline: string; status: string }[]
      notes: string[]
      created: { desks: number }
    }
    expect(report.articles.map((article) => [article.headline, article.status])).toEqual([
      ['Run a story 1', 'published'],
      ['Run a story 2', 'draft'],
      ['Run a story 3', 'published'],
    ])
    expect(report.created.desks).toBe(1)
    expect(report.notes.some((note) => /shortcode \[gallery\]/.test(note))).toBe(true)
    const draft = await payload.findByID({
      collection: 'articles',
      id: report.articles[1]!.id,
      draft: true,
      depth: 0,
    })
    expect(draft).toMatchObject({ headline: 'Run a story 2', _status: 'draft' })

    // Again: nothing new, everything unchanged.
    const again = await finished(
      ((await (await start(wxr('a'), editorToken)).json()) as { id: number }).id,
    )
    expect(again).toMatchObject({ status: 'done', imported: 0, unchanged: 3 })
  })

  it('refuses authors, readers and files that are not exports, saying why', async () => {
    expect((await start(wxr('b'))).status).toBe(401)
    const author = await start(wxr('b'), authorToken)
    expect(author.status).toBe(403)
    expect((await author.json()).errors[0].message).toBe('Only editors and admins import archives.')
    const png = await start(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), editorToken)
    expect(png.status).toBe(415)
    expect((await png.json()).errors[0].message).toMatch(/^This is neither a WordPress export/)
    expect((await start('', editorToken)).status).toBe(415)
    const badSite = await start(
      wxr('b'),
      editorToken,
      'filename=x.json&siteUrl=javascript:alert(1)',
    )
    expect(badSite.status).toBe(400)
    // Readers cannot read runs (their reports name drafts).
    expect((await rest('GET', 'import-runs')).status).toBe(403)
    expect(
      (await payload.count({ collection: 'articles', where: { slug: { like: 'run-b-' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('refuses a second upload while a run is going, naming the running one', async () => {
    const running = await payload.create({
      collection: 'import-runs',
      data: { filename: 'big.xml', platform: 'wordpress', status: 'running', total: 900, done: 12 },
      overrideAccess: true,
    })
    try {
      const busy = await start(wxr('c'), editorToken)
      expect(busy.status).toBe(409)
      expect((await busy.json()).errors[0].message).toBe(
        'Another import is running (big.xml, 12 of 900 items); start this one when it is done.',
      )
    } finally {
      await payload.delete({ collection: 'import-runs', id: running.id, overrideAccess: true })
    }
  })

  it('a run cut short by a restart blocks nothing: the next upload starts, and the old run says it was cut short', async () => {
    const stale = await payload.create({
      collection: 'import-runs',
      data: { filename: 'cut.xml', platform: 'wordpress', status: 'running', total: 90, done: 40 },
      overrideAccess: true,
    })
    // Its last progress three minutes ago, as when the process running it died.
    await payload.db.updateOne({
      collection: 'import-runs',
      id: stale.id,
      data: { updatedAt: new Date(Date.now() - 3 * 60_000).toISOString() },
    })
    const response = await start(wxr('d'), editorToken)
    expect(response.status).toBe(202)
    await finished(((await response.json()) as { id: number }).id)
    const cut = await payload.findByID({ collection: 'import-runs', id: stale.id, depth: 0 })
    expect(cut.status).toBe('failed')
    expect(cut.error).toMatch(/^The import was cut short .* upload the file again/)
  })

  it('refuses an export over 256 MB before reading it, pointing to the command line', async () => {
    const request = new Request('http://localhost/api/import-runs/start?filename=huge.xml', {
      method: 'POST',
      headers: {
        authorization: `JWT ${editorToken}`,
        'content-type': 'application/octet-stream',
        'content-length': String(257 * 1024 * 1024),
      },
      body: '<rss/>',
    })
    const response = await post(request, {
      params: Promise.resolve({ slug: ['import-runs', 'start'] }),
    })
    expect(response.status).toBe(413)
    expect((await response.json()).errors[0].message).toBe(
      'The export is over 256 MB; import it with npm run import:wordpress or import:ghost.',
    )
  })

  it('a file that is XML but not a WordPress export fails the run with the reason', async () => {
    const response = await start('<?xml version="1.0"?><html><body>hi</body></html>', editorToken)
    expect(response.status).toBe(202)
    const run = await finished(((await response.json()) as { id: number }).id)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/^The file was not imported: /)
  })
})
