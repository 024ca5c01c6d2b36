/**
 * `npm run import:wordpress -- export.xml [--pages-desk <slug>] [--desk <slug>]
 * [--media-from <dir>|--fetch-media]`: imports a WordPress export (WXR) — see
 * src/import/wordpress/. Prints progress (done/total, rate, ETA) and a report.
 * Exits 0 when the export was read to its end, 1 when it could not be read
 * (not XML, not a WordPress export), 2 when the import could not run.
 */
import { createReadStream, statSync } from 'node:fs'

import { runArchiveImport } from './archiveReport'
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

await runWithPayload('import:wordpress', async (payload) => {
  const { countItems, importWordPress, WxrUnreadable } = await import('@/import/wordpress')
  if (values['media-from'] || values['fetch-media']) {
    console.log(
      'Note: media (attachments, featured images) are not imported yet; they are counted and reported.',
    )
  }
  return runArchiveImport(file, values, WxrUnreadable, async () => ({
    total: await countItems(chunks()),
    run: (options) => importWordPress(payload, chunks(), options),
  }))
})
