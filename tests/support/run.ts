import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'

/** Runs a command to completion with inherited output; rejects with its output tail on failure. */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 600_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else
        reject(
          new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`),
        )
    })
  })
}

/**
 * Migrates and seeds a database through the same script as `npm run seed`, again (up to three
 * runs) when Payload's start-up left it nothing to do (it says so and exits 2; seeding is
 * idempotent).
 */
export async function migrateAndSeed(env: NodeJS.ProcessEnv): Promise<void> {
  const seed = () => run(process.execPath, ['--import', 'tsx', 'src/scripts/seed.ts'], env)
  let output = ''
  for (let attempt = 1; ; attempt += 1) {
    try {
      output = await seed()
      break
    } catch (error) {
      if (attempt === 3 || !String(error).includes('stopped before doing anything')) throw error
    }
  }
  if (!/Seed: \d+ document/.test(output))
    throw new Error(`Seeding printed no result:\n${output.slice(-4000)}`)
}

/**
 * Runs one of the project's scripts (`node --import tsx <script> …`) to completion, again (up to
 * three runs) while it exits 2 with no output: Payload's start-up occasionally leaves a script
 * nothing to do, and the scripts say so with exit code 2.
 */
export function runScript(script: string, args: string[]): SpawnSyncReturns<string> {
  const once = () =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env },
      encoding: 'utf8',
      timeout: 120_000,
    })
  let result = once()
  for (let attempt = 1; attempt < 3 && result.status === 2 && !result.stdout; attempt += 1) {
    result = once()
  }
  return result
}
