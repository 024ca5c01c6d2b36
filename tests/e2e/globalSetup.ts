import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { freePort } from '../../src/scripts/net'
import { clearRuntimeCache, serverArgs } from '../../src/scripts/next'
import { waitForServer } from '../support/appServer'
import { migrateAndSeed, run } from '../support/run'
import { createTestDatabase } from '../support/testDatabase'

export const EDITOR = { email: 'editor@broadsheet.test', password: 'correct-horse-battery-staple' }

/**
 * A fresh database (migrated + seeded, with an editor login), a production
 * build in .next-e2e, and `next start` on a free port. Tests read the address
 * from E2E_BASE_URL.
 */
export default async function globalSetup() {
  const database = await createTestDatabase('broadsheet_e2e')
  const port = await freePort()
  // Where edge.e2e.spec.ts runs the shipped Varnish: the server purges it after every change
  // (and, while it is not running, retries in the background without holding anything up).
  const edgePort = await freePort()
  const distDir = '.next-e2e'
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: 'end-to-end-test-secret-0123456789',
    MEDIA_DIR: path.join('.data', `e2e-media-${Date.now().toString(36)}`),
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_PUBLIC_SERVER_URL: `http://127.0.0.1:${port}`,
    // edge.e2e.spec.ts has an editor publish through that Varnish: the site is served there too.
    ALLOWED_ORIGINS: `http://127.0.0.1:${edgePort}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    // The tests stand in for the proxy (Playwright and edge.e2e's Varnish connect from here)
    // and name each reader in X-Forwarded-For; any other loopback address is a direct client.
    TRUSTED_PROXIES: '127.0.0.1',
    PURGE_URLS: `http://127.0.0.1:${edgePort}`,
    SEED_ADMIN_EMAIL: EDITOR.email,
    SEED_ADMIN_PASSWORD: EDITOR.password,
    // The minimum writing time is covered in Vitest; a test "types" in milliseconds.
    COMMENT_MIN_SECONDS: '0',
    // Embeds resolve from the tests' own oEmbed server on 127.0.0.1.
    EMBED_ALLOW_PRIVATE: 'true',
    // mostRead.e2e.spec.ts sees the rail re-ranked within seconds of the views.
    MOST_READ_REFRESH_SECONDS: '2',
  }
  await migrateAndSeed(env)
  if (process.env.E2E_SKIP_BUILD !== '1') {
    await run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      ...env,
      NODE_ENV: 'production',
    })
  }

  clearRuntimeCache(distDir)
  let output = ''
  const server = spawn(process.execPath, serverArgs('start'), {
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  const baseURL = `http://127.0.0.1:${port}`
  await waitForServer(`${baseURL}/`, server, () => output)

  process.env.E2E_BASE_URL = baseURL
  process.env.E2E_EDGE_PORT = String(edgePort)
  process.env.E2E_DATABASE_URL = database.url
  process.env.E2E_MEDIA_DIR = env.MEDIA_DIR
  process.env.E2E_DIST_DIR = distDir

  return async () => {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    if (process.env.E2E_SHOW_SERVER_LOG === '1') console.log(output)
    await database.drop()
    rmSync(env.MEDIA_DIR!, { recursive: true, force: true })
  }
}
