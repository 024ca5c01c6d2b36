import type { Payload } from 'payload'

import type { ArchiveOptions, ArchiveReport, Progress } from '@/import/archive'

/**
 * What the archive imports (`import:wordpress`, `import:ghost`) print: a
 * progress line on stderr (done/total, rate, ETA; redrawn on a terminal, every
 * five seconds otherwise) and the report at the end.
 */

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–'
  const s = Math.round(seconds)
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`
}

export function progressLine(total: number) {
  const started = Date.now()
  let lastPrint = 0
  const tty = process.stderr.isTTY
  return {
    onProgress(progress: Progress) {
      const now = Date.now()
      if (now - lastPrint < (tty ? 200 : 5000) && progress.done !== total) return
      lastPrint = now
      const rate = progress.done / Math.max((now - started) / 1000, 0.001)
      const eta = (total - progress.done) / rate
      const line = `${progress.done}/${total} items · ${rate.toFixed(1)}/s · ETA ${duration(eta)}`
      if (tty) process.stderr.write(`\r${line}   `)
      else console.error(line)
    },
    finish(report: ArchiveReport) {
      if (tty) process.stderr.write('\n')
      printReport(report, (Date.now() - started) / 1000)
    },
  }
}

function printReport(report: ArchiveReport, seconds: number) {
  console.log(
    `Done in ${duration(seconds)}: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped.`,
  )
  console.log(
    `Rate: ${(report.done / Math.max(seconds, 0.001)).toFixed(1)} items/s (${report.done} items in ${seconds.toFixed(1)} s).`,
  )
  const c = report.created
  console.log(
    `Created: ${c.desks} desks, ${c.topics} topics, ${c.bylines} bylines, ${c.comments} comments, ${c.redirects} redirects, ${c.media} images${c.accounts > 0 ? `, ${c.accounts} login accounts (role author, no password: each sets one with "Forgot password?")` : ''}.`,
  )
  const kinds = Object.entries(report.approximations)
  if (kinds.length > 0) {
    console.log(`Approximations: ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}.`)
  }
  if (report.attachments > 0) {
    console.log(
      `Media: ${report.attachments} attachments not imported (--media-from <dir> or --fetch-media brings them).`,
    )
  }
  for (const { item, reason } of report.skippedItems) console.log(`Skipped ${item}: ${reason}`)
  for (const note of report.notes) console.log(`Note: ${note}`)
}

/**
 * One archive import from the command line: `--pages-desk` and `--desk` passed
 * on, progress and the report printed. 0 when the export was read, 1 (with the
 * reason) when it is `Unreadable`.
 */
export async function runArchiveImport(
  payload: Payload,
  file: string,
  values: {
    'pages-desk'?: string | undefined
    desk?: string | undefined
    'author-accounts'?: boolean | undefined
  },
  Unreadable: abstract new (...args: never[]) => Error,
  open: () => Promise<{
    total: number
    run: (options: ArchiveOptions) => Promise<ArchiveReport>
  }>,
): Promise<number> {
  try {
    const { total, run } = await open()
    const progress = progressLine(total)
    const published: number[] = []
    const report = await run({
      ...(values['pages-desk'] ? { pagesDesk: values['pages-desk'] } : {}),
      ...(values.desk ? { defaultDesk: values.desk } : {}),
      ...(values['author-accounts'] ? { authorAccounts: true } : {}),
      onProgress: progress.onProgress,
      onArticle: (article) => {
        if (article.status === 'published') published.push(article.id)
      },
    })
    progress.finish(report)
    // The running site (and its proxies) learn of what was published, as after a publish.
    if (published.length > 0) {
      const { refreshReaders } = await import('@/import/refresh')
      const { siteOrigin } = await import('@/revalidation/invalidate')
      const failed = await refreshReaders(payload, published, true)
      console.log(
        failed
          ? `Readers' pages were not refreshed: ${failed}. (A site on another port: run with its PORT.)`
          : `Readers' pages refreshed at ${siteOrigin()} (${published.length} published ${published.length === 1 ? 'article' : 'articles'}).`,
      )
    }
    return 0
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error
    console.error(`${file} was not imported: ${error.message}`)
    return 1
  }
}

/** The image options every import command takes. */

export const MEDIA_FLAGS = {
  'media-from': { type: 'string' },
  'fetch-media': { type: 'boolean' },
  'fetch-media-private': { type: 'boolean' },
} as const

/**
 * The options both archive imports take: desks for pages and for posts without a category,
 * --author-accounts (a login, role author, for each author with an email) and the images'.
 */
export const ARCHIVE_FLAGS = {
  'pages-desk': { type: 'string' },
  desk: { type: 'string' },
  'author-accounts': { type: 'boolean' },
  ...MEDIA_FLAGS,
} as const

const MEDIA_USAGE = '[--media-from <dir>|--fetch-media [--fetch-media-private]]'

export const ARCHIVE_USAGE = `[--pages-desk <slug>] [--desk <slug>] [--author-accounts] ${MEDIA_USAGE}`

/**
 * Where images come from, by the flags: a folder, the web (public addresses
 * only, unless --fetch-media-private), or nowhere (null). A wrong combination
 * prints why and exits 2.
 */
export async function mediaSourceFrom(
  values: { 'media-from'?: string; 'fetch-media'?: boolean; 'fetch-media-private'?: boolean },
  usage: string,
) {
  const folder = values['media-from']
  const web = values['fetch-media'] || values['fetch-media-private']
  if (folder && web) {
    console.error(`Choose one of --media-from and --fetch-media.\n${usage}`)
    process.exit(2)
  }
  const { mediaFromFolder, mediaFromWeb } = await import('@/import/media')
  if (folder) return mediaFromFolder(folder)
  return web ? mediaFromWeb({ allowPrivate: Boolean(values['fetch-media-private']) }) : null
}
