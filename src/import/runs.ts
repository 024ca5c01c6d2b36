import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import type { Endpoint, Payload } from 'payload'

import { isEditor } from '@/access/roles'

import type { ArchiveOptions, ArchiveReport, ImportedArticle } from './archive'
import { mediaFromWeb } from './media'
import { refreshReaders } from './refresh'

/**
 * Archive imports from the admin: `POST /api/import-runs/start?filename=…`
 * with the export as the request body (an editor's upload, streamed to a
 * temporary file), answered 202 with the run's id at once; the import then
 * runs in this process with the same engine as `npm run import:wordpress` and
 * `import:ghost`, writing its progress to the run (about once a second) and its
 * report at the end. The admin polls `GET /api/import-runs/:id`; any replica
 * can answer. One run at a time: the engine saves item by item, so two would
 * only race each other.
 */

/** An export larger than this is refused (the command line takes any size). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024
/** A run that has said nothing for this long died with its process (a restart, a deploy). */
const STALE_MS = 2 * 60 * 1000
const HEARTBEAT_MS = 30 * 1000
/** The report keeps at most this many notes, skipped items and articles (counts are exact). */
const REPORT_LINES = 500

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

type Platform = 'wordpress' | 'ghost'

/** What the file is, by its first character: XML is a WordPress export, JSON a Ghost one. */
async function platformOf(file: string): Promise<Platform | null> {
  const handle = await open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0)
    const start = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
    return start.startsWith('<') ? 'wordpress' : start.startsWith('{') ? 'ghost' : null
  } finally {
    await handle.close()
  }
}

export const importRunEndpoint: Endpoint = {
  path: '/start',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'Log in to the admin to import an export.')
    if (!isEditor(req.user)) return refuse(403, 'Only editors and admins import archives.')
    const url = new URL(req.url ?? '', 'http://site.invalid')
    const filename = (url.searchParams.get('filename') ?? 'export').slice(0, 200)
    const siteUrl = url.searchParams.get('siteUrl')?.trim() || null
    if (siteUrl && !/^https?:\/\/[^/]/.test(siteUrl)) {
      return refuse(400, "The old site's address must be like https://old.example.")
    }
    const fetchMedia = url.searchParams.get('fetchMedia') === '1'
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > MAX_UPLOAD_BYTES) {
      return refuse(
        413,
        `The export is over ${megabytes(MAX_UPLOAD_BYTES)}; import it with npm run import:wordpress or import:ghost.`,
      )
    }
    const running = await req.payload.find({
      collection: 'import-runs',
      where: {
        and: [
          { status: { equals: 'running' } },
          { updatedAt: { greater_than: new Date(Date.now() - STALE_MS).toISOString() } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const busy = running.docs[0]
    if (busy) {
      return refuse(
        409,
        `Another import is running (${busy.filename}, ${busy.done ?? 0} of ${busy.total ?? '?'} items); start this one when it is done.`,
      )
    }
    if (!req.body) return refuse(400, 'Send the export file as the body of the request.')
    // A run that stopped writing its progress was cut short (the app restarted): it says so.
    await req.payload.update({
      collection: 'import-runs',
      where: {
        and: [
          { status: { equals: 'running' } },
          { updatedAt: { less_than_equal: new Date(Date.now() - STALE_MS).toISOString() } },
        ],
      },
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error:
          'The import was cut short (the app stopped while it ran). What it imported stays; upload the file again to continue where it stopped.',
      },
      overrideAccess: true,
      depth: 0,
    })

    const dir = path.join(os.tmpdir(), 'broadsheet-imports')
    await mkdir(dir, { recursive: true })
    const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}`)
    let size = 0
    try {
      const body = Readable.fromWeb(req.body as import('node:stream/web').ReadableStream)
      body.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_UPLOAD_BYTES) body.destroy(new Error('too large'))
      })
      await pipeline(body, createWriteStream(file))
    } catch {
      await rm(file, { force: true })
      return size > MAX_UPLOAD_BYTES
        ? refuse(
            413,
            `The export is over ${megabytes(MAX_UPLOAD_BYTES)}; import it with npm run import:wordpress or import:ghost.`,
          )
        : refuse(400, 'The upload broke off; send the file again.')
    }
    const platform = size > 0 ? await platformOf(file) : null
    if (!platform) {
      await rm(file, { force: true })
      return refuse(
        415,
        size === 0
          ? 'The file is empty.'
          : 'This is neither a WordPress export (an XML file from Tools → Export) nor a Ghost export (a JSON file from Settings → Labs → Export).',
      )
    }
    const run = await req.payload.create({
      collection: 'import-runs',
      data: {
        filename,
        platform,
        status: 'running',
        fetchMedia,
        startedBy: req.user.id,
      },
      overrideAccess: true,
      depth: 0,
    })
    void runImport(req.payload, run.id, file, platform, { fetchMedia, siteUrl })
    return Response.json({ id: run.id, platform }, { status: 202 })
  },
}

/** The import itself, after the upload: progress and report into the run, the file removed. */
export async function runImport(
  payload: Payload,
  id: number,
  file: string,
  platform: Platform,
  options: { fetchMedia: boolean; siteUrl: string | null },
): Promise<void> {
  let lastSave = 0
  let saving: Promise<unknown> = Promise.resolve()
  const save = (data: Record<string, unknown>, force = false) => {
    if (!force && Date.now() - lastSave < 1000) return saving
    lastSave = Date.now()
    saving = saving
      .then(() =>
        payload.update({ collection: 'import-runs', id, data, overrideAccess: true, depth: 0 }),
      )
      .catch((error: unknown) => payload.logger.error({ err: error }, 'Import progress not saved'))
    return saving
  }
  // While it runs, the run is saved at least every HEARTBEAT_MS, even when no post finishes
  // (slow embeds, the refresh at the end): a run that stops saving was cut short (STALE_MS).
  let latest: Record<string, unknown> = {}
  const heartbeat = setInterval(() => void save({ ...latest }, true), HEARTBEAT_MS)
  heartbeat.unref()
  const articles: ImportedArticle[] = []
  const published: number[] = []
  const engine: ArchiveOptions = {
    onProgress: (progress) => {
      latest = { ...progress }
      void save(latest)
    },
    onArticle: (article) => {
      if (articles.length < REPORT_LINES) articles.push(article)
      if (article.status === 'published') published.push(article.id)
    },
    ...(options.fetchMedia ? { media: { source: mediaFromWeb() } } : {}),
  }
  try {
    let report: ArchiveReport
    if (platform === 'wordpress') {
      const { importWordPress, scanExport } = await import('./wordpress')
      const chunks = () => createReadStream(file, { highWaterMark: 256 * 1024 })
      const { items, attachments } = await scanExport(chunks())
      await save({ total: items }, true)
      report = await importWordPress(payload, chunks(), {
        ...engine,
        ...(engine.media ? { media: { ...engine.media, attachments } } : {}),
      })
    } else {
      const { checkExportSize, importGhost, readGhost } = await import('./ghost')
      checkExportSize((await stat(file)).size)
      const read = readGhost(await readFile(file, 'utf8'))
      await save({ total: read.total }, true)
      report = await importGhost(payload, read, {
        ...engine,
        ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
      })
    }
    await saving
    await refreshReaders(payload, published)
    await save(
      {
        status: 'done',
        done: report.done,
        imported: report.imported,
        updated: report.updated,
        unchanged: report.unchanged,
        skipped: report.skipped,
        finishedAt: new Date().toISOString(),
        report: {
          created: report.created,
          approximations: report.approximations,
          attachments: report.attachments,
          skippedItems: report.skippedItems.slice(0, REPORT_LINES),
          notes: report.notes.slice(0, REPORT_LINES),
          notesTotal: report.notes.length,
          // In the export's order (posts are saved a few at a time).
          articles: articles.sort((a, b) => a.position - b.position),
        },
      },
      true,
    )
  } catch (error) {
    const known = ['WxrUnreadable', 'GhostUnreadable'].includes((error as Error).name)
    if (!known) payload.logger.error({ err: error }, 'Import failed')
    await saving
    await refreshReaders(payload, published)
    await save(
      {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: known
          ? `The file was not imported: ${(error as Error).message}`
          : `The import stopped: ${(error as Error).message}. What was imported so far stays; start it again to continue where it stopped.`,
        report: { articles: articles.sort((a, b) => a.position - b.position) },
      },
      true,
    )
  } finally {
    clearInterval(heartbeat)
    await rm(file, { force: true })
  }
}
