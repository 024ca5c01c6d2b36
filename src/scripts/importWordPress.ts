/**
 * `npm run import:wordpress -- export.xml [--pages-desk <slug>] [--desk <slug>] [--author-accounts]
 * [--media-from <dir>|--fetch-media [--fetch-media-private]]`: imports a WordPress export (WXR) — see
 * src/import/wordpress/. Prints progress (done/total, rate, ETA) and a report.
 * Exits 0 when the export was read to its end, 1 when it could not be read
 * (not XML, not a WordPress export), 2 when the import could not run.
 */
import { createReadStream, statSync } from 'node:fs'

import { ARCHIVE_FLAGS, ARCHIVE_USAGE, mediaSourceFrom, runArchiveImport } from './archiveReport'
import { fileArgs } from './fileArgs'
import { runWithPayload } from './withPayload'

const usage = `Usage: npm run import:wordpress -- <export.xml> ${ARCHIVE_USAGE}`

const { file, values } = fileArgs(ARCHIVE_FLAGS, usage)
try {
  if (!statSync(file).isFile()) throw Object.assign(new Error(), { code: 'not a file' })
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  process.exit(2)
}
const chunks = () => createReadStream(file, { highWaterMark: 256 * 1024 })

const source = await mediaSourceFrom(values, usage)

await runWithPayload('import:wordpress', async (payload) => {
  const { importWordPress, scanExport, WxrUnreadable } = await import('@/import/wordpress')
  return runArchiveImport(payload, file, values, WxrUnreadable, async () => {
    // One pass first: the total for the progress line, and the attachments featured images name.
    const { items, attachments } = await scanExport(chunks())
    return {
      total: items,
      run: (options) =>
        importWordPress(payload, chunks(), {
          ...options,
          ...(source ? { media: { source, attachments } } : {}),
        }),
    }
  })
})
