/**
 * `npm start` (production server) and `npm run dev` (dev server): open the
 * database (embedded unless DATABASE_URL is set), apply migrations, seed the
 * demo content if missing, build when the sources changed, serve on
 * HOST:PORT (127.0.0.1:3000; see src/server/main.ts), and stop the embedded
 * database on exit, Ctrl-C included.
 */
import { spawn } from 'node:child_process'

import { onShutdown } from './database'
import { migrateAndSeed } from './migrateAndSeed'
import { startJobsRunner } from './jobsRunner'
import { buildSite, clearRuntimeCache, needsBuild, serverArgs } from './next'
import { runOnDatabase, withPayload } from './withPayload'

const mode = process.argv[2] === 'dev' ? 'dev' : 'start'

let current: Promise<number> | null = null
let stopCurrent: (() => void) | null = null
// On Ctrl-C or SIGTERM: stop Next first, then (database.ts) the embedded database.
onShutdown(async () => {
  stopCurrent?.()
  await current
})

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' })
  stopCurrent = () => child.kill('SIGTERM')
  current = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1)))
  })
  return current
}

await runOnDatabase(
  async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: process.env.PORT ?? '3000',
      NEXT_TELEMETRY_DISABLED: '1',
      // glibc keeps one memory arena per thread that decoded an image; two bound what uploads leave.
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    }
    Object.assign(process.env, env)
    await withPayload((payload) => migrateAndSeed(payload))
    if (mode === 'start' && needsBuild()) {
      console.log('Building the site (about a minute, once per change)…')
      const built = await buildSite(env)
      if (built !== 0) return built
    }
    if (mode === 'start') clearRuntimeCache()
    console.log(
      `Broadsheet: http://localhost:${env.PORT} (admin: http://localhost:${env.PORT}/admin)`,
    )
    const server = run(
      serverArgs(mode),
      mode === 'start' ? { ...env, NODE_ENV: 'production' } : env,
    )
    void startJobsRunner(env.PORT ?? '3000')
    return server
  },
  (error) => {
    console.error(error)
    return 1
  },
)
