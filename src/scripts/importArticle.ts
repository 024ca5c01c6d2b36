/**
 * `npm run import -- <file> [--section <desk>] [--as <email>]`: imports a
 * Markdown or plain-text article as a draft (see src/import/). Exits 0 with
 * the draft's admin address, 1 with a line-by-line report when the file could
 * not be understood (nothing is saved then), 2 when it could not run.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { TypedUser } from 'payload'

import { fileArgs } from './fileArgs'
import { runWithPayload } from './withPayload'

const usage = 'Usage: npm run import -- <file.md|file.txt> [--section <desk>] [--as <email>]'
const { file, values } = fileArgs({ section: { type: 'string' }, as: { type: 'string' } }, usage)
let text: string
try {
  text = readFileSync(file, 'utf8')
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  process.exit(2)
}
await runWithPayload('import', async (payload) => {
  const { formatProblem, importArticle, ImportRefused } = await import('@/import')
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
  try {
    const result = await importArticle(payload, {
      filename: path.basename(file),
      text,
      user,
      section: values.section ?? null,
    })
    console.log(`Imported as a draft: ${result.headline}`)
    console.log(`Edit it at /admin/collections/articles/${result.id}`)
    for (const note of result.notes) console.log(`Note: ${formatProblem(note)}`)
    return 0
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error
    console.error(error.message)
    return 1
  }
})
