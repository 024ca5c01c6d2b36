/**
 * `node --import tsx bench/wxrStream.ts [items]`: writes a WordPress export of `items` posts
 * (10,000 by default) to a temporary file and reads it through the import's streaming reader
 * (src/import/wordpress/wxr.ts), sampling the heap: it should stay flat however large the file.
 * The reader only — the database side of the import is measured separately.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { once } from 'node:events'

import { countItems } from '@/import/wordpress/wxr'

const items = Number(process.argv[2] ?? 10_000)
const dir = mkdtempSync(path.join(tmpdir(), 'wxr-bench-'))
const file = path.join(dir, 'export.xml')
const out = createWriteStream(file)
const write = async (text: string) => {
  if (!out.write(text)) await once(out, 'drain')
}
await write('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>')
const paragraph = `<p>${'The council met again on Tuesday to weigh the bridge. '.repeat(20)}</p>\n`
for (let i = 1; i <= items; i += 1) {
  await write(
    `<item><title>Post ${i}</title><wp:post_id>${i}</wp:post_id><wp:post_type>post</wp:post_type>` +
      `<wp:status>publish</wp:status><content:encoded><![CDATA[${paragraph.repeat(8)}]]></content:encoded></item>\n`,
  )
}
await write('</channel></rss>\n')
out.end()
await once(out, 'finish')

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
let peak = 0
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20)
const started = process.hrtime.bigint()
const counted = await countItems(createReadStream(file, { highWaterMark: 256 * 1024 }))
const seconds = Number(process.hrtime.bigint() - started) / 1e9
clearInterval(timer)
console.log(
  `${counted} items, ${mb(statSync(file).size)} MB read in ${seconds.toFixed(1)} s ` +
    `(${Math.round(counted / seconds)} items/s); peak heap ${mb(peak)} MB`,
)
rmSync(dir, { recursive: true, force: true })
