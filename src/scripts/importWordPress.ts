/**
 * `npm run import:wordpress -- export.xml [--pages-desk <slug>] [--desk <slug>]
 * [--media-from <dir>|--fetch-media]`: imports a WordPress export (WXR) — see
 * src/import/wordpress/. Prints progress (done/total, rate, ETA) and a report.
 * Exits 0 when the export was read to its end, 1 when it could not be read
 * (not XML, not a WordPress export), 2 when the import could not run.
 */
import { createReadStream, statSync } from 'node:fs'

import { fileArgs } from './fileArgs'
import { runWithPayload } from './withPayload'

const usage =
  'Usage: npm run import:wordpress -- <export.xml> [--pages-desk <slug>] [--desk <slug>] [--media-from <dir>|--fetch-media]'

const { file, values } = fileArgs(
  {
    'pages-desk': { type: 'string' },
    desk: { type: 'string' },
    'media-from': { type: 'string' },
    'fetch-media': { type: 'boolean' },
  },
  usage,
)
if (values['media-from'] && values['fetch-media']) {
  console.error(`Choose one of --media-from and --fetch-media.\n${usage}`)
  process.exit(2)
}
try {
  if (!statSync(file).isFile()) throw Object.assign(new Error(), { code: 'not a file' })
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  process.exit(2)
}
const chunks = () => createReadStream(file, { highWaterMark: 256 * 1024 })

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–'
  const s = Math.round(seconds)
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`
}

await runWithPayload('import:wordpress', async (payload) => {
  const { countItems, importWordPress, WxrUnreadable } = await import('@/import/wordpress')
  if (values['media-from'] || values['fetch-media']) {
    console.log(
      'Note: media (attachments, featured images) are not imported yet; they are counted and reported.',
    )
  }
  try {
    const total = await countItems(chunks())
    const started = Date.now()
    let lastPrint = 0
    const tty = process.stderr.isTTY
    const report = await importWordPress(payload, chunks(), {
      ...(values['pages-desk'] ? { pagesDesk: values['pages-desk'] } : {}),
      ...(values.desk ? { defaultDesk: values.desk } : {}),
      onProgress: (progress) => {
        const now = Date.now()
        if (now - lastPrint < (tty ? 200 : 5000) && progress.done !== total) return
        lastPrint = now
        const rate = progress.done / Math.max((now - started) / 1000, 0.001)
        const eta = (total - progress.done) / rate
        const line = `${progress.done}/${total} items · ${rate.toFixed(1)}/s · ETA ${duration(eta)}`
        if (tty) process.stderr.write(`\r${line}   `)
        else console.error(line)
      },
    })
    if (tty) process.stderr.write('\n')
    const seconds = (Date.now() - started) / 1000
    console.log(
      `Done in ${duration(seconds)}: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped.`,
    )
    const c = report.created
    console.log(
      `Created: ${c.desks} desks, ${c.topics} topics, ${c.bylines} bylines, ${c.comments} comments, ${c.redirects} redirects.`,
    )
    const kinds = Object.entries(report.approximations)
    if (kinds.length > 0) {
      console.log(`Approximations: ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}.`)
    }
    if (report.attachments > 0) {
      console.log(
        `Media: ${report.attachments} attachments not imported yet (a later version will).`,
      )
    }
    for (const { item, reason } of report.skippedItems) console.log(`Skipped ${item}: ${reason}`)
    for (const note of report.notes) console.log(`Note: ${note}`)
    return 0
  } catch (error) {
    if (!(error instanceof WxrUnreadable)) throw error
    console.error(`${file} was not imported: ${error.message}`)
    return 1
  }
})
