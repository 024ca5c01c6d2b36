/**
 * CI's freshness check for generated files: regenerates payload-types.ts and
 * the admin import map and fails on any difference from what is committed,
 * and fails when the collections have schema changes no migration captures.
 * The payload CLI sometimes exits 0 having done nothing (upstream #17757,
 * #16381): types and import map are generated in-process by
 * src/scripts/generate.ts, migrate:create runs with the config loaded first
 * (which avoids the stall), and every step still checks its effect and retries.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs'

const env = {
  ...process.env,
  DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
  PAYLOAD_SECRET: 'generate-only-secret-0123456789',
}
const ATTEMPTS = 5

function node(args: string[]): string {
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' })
  return `${result.stdout}${result.stderr}`
}

/** The payload CLI, with the config imported before the CLI asks for it. */
function payload(args: string[]): string {
  return node([
    '--import',
    'tsx',
    '--import',
    './payload.config.ts',
    'node_modules/payload/bin.js',
    '--disable-transpile',
    ...args,
  ])
}

function regenerate(file: string, what: 'types' | 'importmap'): void {
  const args = ['--import', 'tsx', 'src/scripts/generate.ts', what]
  const backup = `${file}.committed`
  renameSync(file, backup)
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    node(args)
    if (existsSync(file)) {
      rmSync(backup)
      return
    }
    console.warn(`generate ${what} wrote nothing (attempt ${attempt}); retrying`)
  }
  renameSync(backup, file)
  throw new Error(`generate ${what} did not write ${file} after ${ATTEMPTS} attempts`)
}

function checkNoPendingSchemaChanges(): void {
  const before = new Set(readdirSync('migrations'))
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const output = payload(['migrate:create', 'pending-schema-check', '--skip-empty'])
    const added = readdirSync('migrations').filter((name) => !before.has(name))
    if (added.length > 0) {
      for (const name of added) rmSync(`migrations/${name}`)
      execFileSync('git', ['checkout', '--', 'migrations/index.ts'])
      throw new Error(
        'The collections have schema changes that no migration captures: run `npm run with-db -- npx payload migrate:create <name>` and commit the result.',
      )
    }
    if (output.includes('generating UP statements')) return
    console.warn(`payload migrate:create did not run (attempt ${attempt}); retrying`)
  }
  throw new Error(`payload migrate:create did not run after ${ATTEMPTS} attempts`)
}

regenerate('payload-types.ts', 'types')
regenerate('app/(payload)/admin/importMap.js', 'importmap')
checkNoPendingSchemaChanges()

const diff = spawnSync(
  'git',
  ['diff', '--exit-code', '--stat', '--', 'payload-types.ts', 'app/(payload)/admin/importMap.js'],
  {
    stdio: 'inherit',
  },
)
if (diff.status !== 0) {
  console.error(
    'Generated files are stale: run `npm run generate:types && npm run generate:importmap` and commit them.',
  )
  process.exit(1)
}
console.log('Generated files are fresh and no schema change lacks a migration.')
