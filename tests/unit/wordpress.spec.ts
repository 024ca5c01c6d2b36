import { Readable } from 'node:stream'

import { describe, expect, it } from 'vitest'

import { type Approximation, convertBody, htmlToText } from '@/import/wordpress/html'
import { countItems, readWxr, WxrUnreadable } from '@/import/wordpress/wxr'
import { normaliseFromPath } from '@/redirects/paths'

function convert(html: string) {
  const notes: [Approximation, string][] = []
  const body = convertBody(
    html,
    'Headline',
    { approximation: (k, m) => notes.push([k, m]) },
    (n) => `T${n}`,
  )
  return { ...body, notes }
}

describe('WordPress body HTML', () => {
  it('reads classic-editor text as WordPress shows it: a blank line ends a paragraph', () => {
    const { sections } = convert('First line\nstill first.\n\nSecond <b>bold</b>.')
    expect(sections[0]!.blocks).toEqual([
      { type: 'paragraph', children: ['First line still first.'] },
      { type: 'paragraph', children: ['Second ', { text: 'bold', bold: true }, '.'] },
    ])
  })

  it('keeps a table row that is short or long as a full row, and says so for both', () => {
    const { tables, notes } = convert(
      '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>',
    )
    expect(tables[0]!.rows).toEqual([
      ['1', ''],
      ['1', '2'],
    ])
    expect(notes.filter(([kind]) => kind === 'table').map(([, m]) => m)).toEqual([
      expect.stringMatching(/Row 1 .* 1 cell for 2 columns; empty cells were added/),
      expect.stringMatching(/Row 2 .* 3 cells for 2 columns; the extra cells were left out/),
    ])
  })

  it('never keeps an unsafe address, in a link or anywhere else', () => {
    const { sections, notes } = convert(
      '<p><a href="java\tscript:alert(1)">x</a> <a href="//evil.example">y</a> <a href="/ok">z</a></p>',
    )
    expect(sections[0]!.blocks).toEqual([
      { type: 'paragraph', children: ['x y ', { text: 'z', href: '/ok' }] },
    ])
    expect(notes.filter(([kind]) => kind === 'unsafe link')).toHaveLength(2)
  })

  it('reads a comment as plain text, markup and scripts gone', () => {
    expect(htmlToText('<p>Hi <b>there</b></p><script>x()</script><p>Bye &amp; thanks</p>')).toBe(
      'Hi there\n\nBye & thanks',
    )
  })
})

describe('the WXR reader', () => {
  it('keeps every character whole, whatever the chunks a file is read in', async () => {
    const title = 'Café – Zürich, 日本語, 🗞️'
    const xml = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title></channel></rss>`,
    )
    // One byte at a time: every multi-byte character is split across chunks.
    const bytes = Readable.from(Array.from(xml, (byte) => Buffer.from([byte])))
    const names: string[] = []
    for await (const record of readWxr(bytes)) {
      if (record.kind === 'channel' && record.name === 'title') names.push(record.text)
    }
    expect(names).toEqual([title])
  })

  it('counts items and refuses what is not a WordPress export', async () => {
    const xml = '<rss><channel><item><title>a</title></item><item/></channel></rss>'
    expect(await countItems(Readable.from([xml.slice(0, 20), xml.slice(20)]))).toBe(2)
    await expect(countItems(Readable.from(['{"posts": []}']))).rejects.toThrow(WxrUnreadable)
  })
})

describe('old WordPress addresses as redirects', () => {
  it('stores /?p=ID and /?page_id=ID, and still refuses any other query', () => {
    expect(normaliseFromPath('/?p=101')).toEqual({ ok: true, path: '/?p=101' })
    expect(normaliseFromPath('/?page_id=2')).toEqual({ ok: true, path: '/?page_id=2' })
    expect(normaliseFromPath('/?p=101&x=1').ok).toBe(false)
    expect(normaliseFromPath('/?s=bridge').ok).toBe(false)
    expect(normaliseFromPath('/news?p=101').ok).toBe(false)
  })
})
