import { type ChildProcess, spawn } from 'node:child_process'

import { freePort } from '../../src/scripts/net'
import { serverArgs } from '../../src/scripts/next'
import { isolatedBuild } from './isolatedBuild'

/** Resolves once `url` answers 200; rejects with the server's output if it exits or takes 2 minutes. */
export async function waitForServer(
  url: string,
  server: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited early:\n${output()}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The server did not answer at ${url} within 2 minutes:\n${output()}`)
}

export interface AppServer {
  /** http://127.0.0.1:port */
  url: string
  port: number
  /** Its private copy of the test build (see isolatedBuild). */
  distDir: string
  output: () => string
  exitCode: () => number | null
  /** Sends `signal` to the server (SIGKILL: a replica dying mid-request) and waits for it to go. */
  kill: (signal: NodeJS.Signals) => Promise<void>
  stop: () => Promise<void>
}

/**
 * A second app server (src/server/main.ts) on a private copy of the end-to-end build, with a
 * database URL of the test's choosing (e.g. through a TCP proxy it can cut),
 * for tests that must not disturb the shared server. No scheduled jobs: their
 * queries are not what such tests look at.
 */
export async function startAppServer(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const build = isolatedBuild(process.env.E2E_DIST_DIR!, name)
  // A given PORT: a replica started again where the proxy in front expects it.
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const server = spawn(process.execPath, serverArgs('start'), {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: 'end-to-end-test-secret-0123456789',
      MEDIA_DIR: process.env.E2E_MEDIA_DIR,
      NEXT_DIST_DIR: build.distDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUSTED_PROXIES: '127.0.0.1',
      BROADSHEET_JOBS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  const kill = async (signal: NodeJS.Signals) => {
    if (server.exitCode !== null || server.signalCode !== null) return
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill(signal)
    await exited
  }
  const stop = async () => {
    await kill('SIGTERM')
    build.remove()
  }
  try {
    await waitForServer(`${url}/`, server, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url,
    port,
    distDir: build.distDir,
    output: () => output,
    exitCode: () => server.exitCode,
    kill,
    stop,
  }
}

/** How many files a folder holds, at any depth (0 when it does not exist). */
export { fileCount as countFiles } from '../../src/operations/backup/media'
