/**
 * `npm run import -- <file|folder> [--section <desk>] [--as <email>] [--base-url <address>]
 * [--fetch-media [--fetch-media-private]]`: imports Markdown or plain-text articles as drafts
 * (see src/import/), with the images beside them (and, with --fetch-media, those on the web)
 * as Media. Given a folder, every .md, .markdown and .txt file under it, one draft each; a
 * second run over the same folder leaves what the first imported as it is.
 * Prints each draft's admin address and what it could not carry exactly.
 * Exits 0 when every file was imported (or already was), 1 when a file was
 * refused (not text, too large, empty, or could not be saved), 2 when it could
 * not run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import type { TypedUser } from 'payload'

import { fileArgs } from './fileArgs'
import { runWithPayload } from './withPayload'

const usage =
  'Usage: npm run import -- <file.md|file.txt|folder> [--section <desk>] [--as <email>] [--base-url <https://old.example>] [--fetch-media [--fetch-media-private]]'
const { file, values } = fileArgs(
  {
    section: { type: 'string' },
    as: { type: 'string' },
    'base-url': { type: 'string' },
    'fetch-media': { type: 'boolean' },
    'fetch-media-private': { type: 'boolean' },
  },
  usage,
)
const baseUrl = values['base-url'] ?? null
if (baseUrl !== null && !/^https?:\/\/[^/]/.test(baseUrl)) {
  console.error(`--base-url is the old site's address, like https://old.example.\n${usage}`)
  process.exit(2)
}

const ARTICLE_FILE = /\.(md|markdown|mdown|txt)$/i

/** The article files under a folder, in name order; hidden folders and node_modules skipped. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') return []
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return filesUnder(full)
      return entry.isFile() && ARTICLE_FILE.test(entry.name) ? [full] : []
    })
}

let folder: string | null = null
let files: string[]
try {
  if (statSync(file).isDirectory()) {
    folder = file
    files = filesUnder(file)
    if (files.length === 0) {
      console.error(`${file} holds no .md, .markdown or .txt files.`)
      process.exit(2)
    }
  } else files = [file]
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  process.exit(2)
}

await runWithPayload('import', async (payload) => {
  const { formatProblem, importArticle, ImportRefused, MAX_IMPORT_BYTES } = await import('@/import')
  const { mediaFromFolder, mediaFromWeb } = await import('@/import/media')
  // Images next to the files are read from the folder (nothing outside it); others fetched
  // only when asked, and then only from public addresses unless --fetch-media-private.
  const root = folder ?? path.dirname(file)
  const local = mediaFromFolder(root)
  const web =
    values['fetch-media'] || values['fetch-media-private']
      ? mediaFromWeb({ allowPrivate: Boolean(values['fetch-media-private']) })
      : null
  let user: TypedUser | null = null
  if (values.as) {
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: values.as.toLowerCase() } },
      limit: 1,
    })
    if (!docs[0]) {
      console.error(`No user has the email ${values.as}.`)
      return 2
    }
    user = { ...docs[0], collection: 'users' } as TypedUser
  }
  const tally = { imported: 0, unchanged: 0, changed: 0, refused: 0, notes: 0 }
  for (const name of files) {
    const shown = folder ? path.relative(folder, name) : name
    if (statSync(name).size > MAX_IMPORT_BYTES) {
      console.error(
        `${shown}: not imported: the file is over ${MAX_IMPORT_BYTES / 1024} KB; split it.`,
      )
      tally.refused += 1
      continue
    }
    try {
      const result = await importArticle(payload, {
        filename: path.basename(name),
        text: readFileSync(name, 'utf8'),
        user,
        section: values.section ?? null,
        baseUrl,
        images: {
          folder: local,
          root,
          base: `http://markdown.invalid/${path
            .relative(root, path.dirname(name))
            .split(path.sep)
            .map(encodeURIComponent)
            .join('/')}/`.replace(/\/\/$/, '/'),
          web,
        },
        // Each file of a folder is remembered by its path in it, so a second run finds it.
        ...(folder ? { source: `markdown: ${shown.split(path.sep).join('/')}` } : {}),
      })
      const where = `/admin/collections/articles/${result.id}`
      if (result.existing) {
        tally[result.existing] += 1
        console.log(
          result.existing === 'unchanged'
            ? `${shown}: already imported, unchanged (${where})`
            : `${shown}: changed since it was imported; the draft at ${where} was left as it is (delete it and run again to import it anew)`,
        )
        continue
      }
      tally.imported += 1
      tally.notes += result.notes.length
      if (folder) console.log(`${shown}: imported as a draft: ${result.headline} (${where})`)
      else {
        console.log(`Imported as a draft: ${result.headline}`)
        console.log(`Edit it at ${where}`)
      }
      for (const note of result.notes) console.log(`  Note: ${formatProblem(note)}`)
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error
      tally.refused += 1
      console.error(folder ? `${shown}: ${error.message}` : error.message)
    }
  }
  if (folder) {
    console.log(
      `Done: ${tally.imported} imported as drafts (${tally.notes} notes, also beside each draft under Imported from), ${tally.unchanged + tally.changed} already imported${tally.changed ? ` (${tally.changed} changed since, left as they are)` : ''}, ${tally.refused} refused.`,
    )
  } else if (tally.imported && tally.notes) {
    console.log('These notes are also beside the draft, under Imported from.')
  }
  return tally.refused > 0 ? 1 : 0
})
