import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect, REFERENCE, test } from './fixtures'

const run = promisify(execFile)
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'))

/** Every kind of page a reader can land on, as the server sends it. */
const PAGES = [
  '/',
  '/technology',
  REFERENCE.path,
  '/tags/semiconductors',
  '/authors/archyde-staff',
  '/search',
  '/search?q=chips',
  '/search?q=nothingmatchesthisword',
  '/technology/no-such-article',
]

interface VnuMessage {
  type: string
  url: string
  message: string
  lastLine?: number
  extract?: string
}

test('every reader page is valid HTML by the W3C checker (no errors)', async ({ request }) => {
  test.setTimeout(120_000)
  const folder = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-vnu-'))
  try {
    const files = await Promise.all(
      PAGES.map(async (page, index) => {
        const response = await request.get(page)
        expect(response.headers()['content-type'], page).toContain('text/html')
        const file = path.join(folder, `${index}.html`)
        writeFileSync(file, await response.text())
        return file
      }),
    )
    // One Java start for all pages; vnu prints its JSON report on stderr and exits 1 on errors.
    const report = await run(
      'java',
      ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    ).then(
      ({ stderr }) => stderr,
      (error: { stderr?: string }) => error.stderr ?? '',
    )
    const messages = (JSON.parse(report) as { messages: VnuMessage[] }).messages
    const errors = messages.map((message) => ({
      page: PAGES[Number(path.basename(new URL(message.url).pathname, '.html'))],
      line: message.lastLine,
      message: message.message,
      extract: message.extract,
    }))
    expect(errors).toEqual([])
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
