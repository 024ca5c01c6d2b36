/**
 * `npm start` (production server) and `npm run dev` (dev server): open the
 * database (embedded unless DATABASE_URL is set), apply migrations, seed the
 * demo content if missing, build when the sources changed, serve on PORT
 * (3000), and stop the embedded database on exit, Ctrl-C included.
 */
import { spawn } from 'node:child_process'

import { onShutdown, openDatabase } from './database'
import { migrateAndSeed } from './migrateAndSeed'
import { buildSite, clearRuntimeCache, needsBuild, nextBin } from './next'
import { ensureSecret } from './secret'

const mode = process.argv[2] === 'dev' ? 'dev' : 'start'

let current: Promise<number> | null = null
let stopCurrent: (() => void) | null = null
// On Ctrl-C or SIGTERM: stop Next first, then (database.ts) the embedded database.
onShutdown(async () => {
  stopCurrent?.()
  await current
})

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [nextBin, ...args], { env, stdio: 'inherit' })
  stopCurrent = () => child.kill('SIGTERM')
  current = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1)))
  })
  return current
}

const database = await openDatabase()
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  PAYLOAD_SECRET: ensureSecret(),
  PORT: process.env.PORT ?? '3000',
  NEXT_TELEMETRY_DISABLED: '1',
}
Object.assign(process.env, env)

let code = 0
try {
  await migrateAndSeed()
  if (mode === 'start' && needsBuild()) {
    console.log('Building the site (about a minute, once per change)…')
    code = await buildSite(env)
  }
  if (code === 0) {
    if (mode === 'start') clearRuntimeCache()
    const host = process.env.HOST ? ['-H', process.env.HOST] : []
    console.log(
      `Broadsheet: http://localhost:${env.PORT} (admin: http://localhost:${env.PORT}/admin)`,
    )
    code = await run([mode, ...host], mode === 'start' ? { ...env, NODE_ENV: 'production' } : env)
  }
} catch (error) {
  console.error(error)
  code = 1
} finally {
  await database.stop()
}
process.exit(code)
