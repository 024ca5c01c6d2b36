import { spawn } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

/** Running the Next.js CLI from our scripts (start, bench). */
const root = process.cwd()
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')

/**
 * Node's arguments for the app's server (src/server/main.ts): Next behind the
 * trusted-proxy rule. It listens on HOST (127.0.0.1) and PORT (3000).
 */
export function serverArgs(mode: 'start' | 'dev'): string[] {
  return ['--import', 'tsx', path.join(root, 'src', 'server', 'main.ts'), mode]
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(target, name))),
    stat.mtimeMs,
  )
}

/** True when there is no build in the dist folder, or a source changed since it was made. */
export function needsBuild(distDir = process.env.NEXT_DIST_DIR || '.next'): boolean {
  const buildId = path.join(root, distDir, 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const sources = [
    'src',
    'app',
    'collections',
    'migrations',
    'public',
    'payload.config.ts',
    'next.config.mjs',
    'package-lock.json',
  ]
  return (
    Math.max(...sources.map((source) => newestMtime(path.join(root, source)))) >
    statSync(buildId).mtimeMs
  )
}

/** `next build` with production settings; resolves with its exit code. */
export function buildSite(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      env: { ...env, NODE_ENV: 'production' },
      stdio: 'inherit',
    })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

/**
 * Forgets pages and data cached by an earlier server run. The cache lives in
 * the build folder and outlives the database it was filled from (another
 * DATABASE_URL, a test database, a restored backup): a server that starts
 * fresh must not serve that content.
 */
export function clearRuntimeCache(distDir = process.env.NEXT_DIST_DIR || '.next'): void {
  for (const folder of [
    path.join(distDir, 'cache', 'fetch-cache'),
    path.join(distDir, 'server', 'route-cache'),
  ]) {
    rmSync(path.join(root, folder), { recursive: true, force: true })
  }
}
