import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

import { buildSync } from 'esbuild'

/** Running the Next.js CLI from our scripts (start, bench). */
const root = process.cwd()
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')

/**
 * src/server/main.ts bundled to plain JavaScript, as the Docker image runs it
 * (Dockerfile), in node_modules/.cache so `next` and the rest resolve from
 * node_modules. Without tsx's loader hooks in the server: Next imports its
 * cache handler (next.config.mjs `cacheHandler`) afresh on every request, and
 * under tsx each such import() is a round trip to tsx's loader thread — about
 * a seventh of the server's CPU under load. Written to a temporary name and
 * renamed, so servers started at once never read a half-written file.
 */
let written = 0

function bundledServer(): string {
  const folder = path.join(root, 'node_modules', '.cache', 'broadsheet')
  const outfile = path.join(folder, 'server.mjs')
  const { outputFiles } = buildSync({
    entryPoints: [path.join(root, 'src', 'server', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    outfile,
    logLevel: 'error',
  })
  mkdirSync(folder, { recursive: true })
  const temporary = `${outfile}.${process.pid}.${(written += 1)}`
  writeFileSync(temporary, outputFiles[0]!.contents)
  renameSync(temporary, outfile)
  return outfile
}

/**
 * Node's arguments for the app's server (src/server/main.ts): Next behind the
 * trusted-proxy rule. It listens on HOST (127.0.0.1) and PORT (3000). `start`
 * runs it bundled (bundledServer), `dev` through tsx.
 */
export function serverArgs(mode: 'start' | 'dev'): string[] {
  if (mode === 'start') return [bundledServer(), mode]
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

/**
 * `next build` with production settings; resolves with its exit code. A build that failed may
 * have written its BUILD_ID already: it is removed, so needsBuild never takes that build for done.
 */
export function buildSite(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      env: { ...env, NODE_ENV: 'production' },
      stdio: 'inherit',
    })
    child.on('exit', (code) => {
      if (code !== 0)
        rmSync(path.join(root, env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), { force: true })
      resolve(code ?? 1)
    })
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
