import { spawn, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { freePort, isListening } from '../../src/scripts/net'
import { isolatedBuild } from '../support/isolatedBuild'
import { expect, REFERENCE, test } from './fixtures'

test.setTimeout(300_000)

test('with DATABASE_URL unset, `npm start` runs on an embedded PostgreSQL: migrated, seeded, serving, stopped on Ctrl-C', async ({
  request,
}) => {
  const [sitePort, pgPort] = [await freePort(), await freePort()]
  const stamp = Date.now().toString(36)
  const dataDir = path.join('.data', `e2e-embedded-${stamp}`)
  const build = isolatedBuild(process.env.E2E_DIST_DIR ?? '.next-e2e', 'embedded')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(sitePort),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_PG_DIR: dataDir,
    MEDIA_DIR: path.join('.data', `e2e-embedded-media-${stamp}`),
    NEXT_DIST_DIR: build.distDir,
  }
  delete env.DATABASE_URL
  delete env.PAYLOAD_SECRET

  let output = ''
  const app = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/start.ts', 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Strip the log colour codes.
  const plain = (chunk: Buffer) => chunk.toString().replace(/\x1b\[[0-9;]*m/g, '')
  app.stdout.on('data', (chunk) => (output += plain(chunk)))
  app.stderr.on('data', (chunk) => (output += plain(chunk)))
  const exited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)))

  try {
    await expect
      .poll(
        async () => {
          if (app.exitCode !== null) throw new Error(`npm start exited early:\n${output}`)
          return (
            await request.get(`http://127.0.0.1:${sitePort}${REFERENCE.path}`).catch(() => null)
          )?.status()
        },
        { timeout: 240_000, intervals: [1_000] },
      )
      .toBe(200)
    expect(output).toContain(`Embedded PostgreSQL started on port ${pgPort}`)
    expect(output).toMatch(/Migrated:\s+[\d_]+initial/)
    expect(output).toMatch(/Seed: \d+ document\(s\) created/)
    const page = await request.get(`http://127.0.0.1:${sitePort}${REFERENCE.path}`)
    expect(await page.text()).toContain('Frequently Asked Questions')
    expect(await isListening(pgPort)).toBe(true)

    // Other scripts use the embedded database the running app started.
    const seed = spawnSync(process.execPath, ['--import', 'tsx', 'src/scripts/seed.ts'], {
      env,
      encoding: 'utf8',
    })
    expect(seed.status, seed.stderr).toBe(0)
    expect(seed.stdout).toContain(`Using the embedded PostgreSQL already running on port ${pgPort}`)
    expect(plain(Buffer.from(seed.stdout))).toContain('Seed: 0 document(s) created')
    expect(await isListening(pgPort)).toBe(true)

    app.kill('SIGINT')
    await exited
    expect(output).toContain('Embedded PostgreSQL stopped.')
    expect(await isListening(pgPort)).toBe(false)
  } finally {
    if (app.exitCode === null) app.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    build.remove()
    rmSync(env.MEDIA_DIR!, { recursive: true, force: true })
  }
})
