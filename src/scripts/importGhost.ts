/**
 * `npm run import:ghost -- export.json [--pages-desk <slug>] [--desk <slug>] [--author-accounts]
 * [--media-from <dir>|--fetch-media [--fetch-media-private]] [--site-url <https://old.example>]`:
 * imports the JSON export of a Ghost site — see src/import/ghost/. Prints
 * progress (done/total, rate, ETA) and a report. Exits 0 when the export was
 * read, 1 when it could not be (not JSON, not a Ghost export, too large), 2 when
 * the import could not run.
 */
import { readFileSync, statSync } from 'node:fs'

import { ARCHIVE_FLAGS, ARCHIVE_USAGE, mediaSourceFrom, runArchiveImport } from './archiveReport'
import { fileArgs } from './fileArgs'
import { runWithPayload } from './withPayload'

const usage = `Usage: npm run import:ghost -- <export.json> ${ARCHIVE_USAGE} [--site-url <address>]`

const { file, values } = fileArgs(
  {
    ...ARCHIVE_FLAGS,
    'site-url': { type: 'string' },
  },
  usage,
)
const siteUrl = values['site-url']
if (siteUrl !== undefined && !/^https?:\/\/[^/]/.test(siteUrl)) {
  console.error(`--site-url is the old site's address, like https://old.example.\n${usage}`)
  process.exit(2)
}
if ((values['fetch-media'] || values['fetch-media-private']) && !siteUrl) {
  console.log(
    "Note: without --site-url, only images with a full address can be fetched; Ghost names its own relative to the site's.",
  )
}
let size: number
try {
  const stat = statSync(file)
  if (!stat.isFile()) throw Object.assign(new Error(), { code: 'not a file' })
  size = stat.size
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  process.exit(2)
}

const source = await mediaSourceFrom(values, usage)

await runWithPayload('import:ghost', async (payload) => {
  const { checkExportSize, GhostUnreadable, importGhost, readGhost } =
    await import('@/import/ghost')
  return runArchiveImport(payload, file, values, GhostUnreadable, async () => {
    checkExportSize(size)
    const read = readGhost(readFileSync(file, 'utf8'))
    return {
      total: read.total,
      run: (options) =>
        importGhost(payload, read, {
          ...options,
          ...(siteUrl ? { siteUrl } : {}),
          ...(source ? { media: { source } } : {}),
        }),
    }
  })
})
