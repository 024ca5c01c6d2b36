import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'))

interface VnuMessage {
  type: string
  url: string
  message: string
  lastLine?: number
  extract?: string
}

/**
 * The W3C checker's errors for each named HTML document (empty when all are valid), in one
 * Java start; each error names its document by the key it was given under.
 */
export async function htmlErrors(documents: Record<string, string>) {
  const names = Object.keys(documents)
  const folder = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-vnu-'))
  try {
    const files = names.map((name, index) => {
      const file = path.join(folder, `${index}.html`)
      writeFileSync(file, documents[name]!)
      return file
    })
    // vnu prints its JSON report on stderr and exits 1 on errors.
    const report = await run(
      'java',
      ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files],
      { maxBuffer: 16 * 1024 * 1024 },
    ).then(
      ({ stderr }) => stderr,
      (error: { stderr?: string }) => error.stderr ?? '',
    )
    const messages = (JSON.parse(report) as { messages: VnuMessage[] }).messages
    return messages.map((message) => ({
      page: names[Number(path.basename(new URL(message.url).pathname, '.html'))],
      line: message.lastLine,
      message: message.message,
      extract: message.extract,
    }))
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
