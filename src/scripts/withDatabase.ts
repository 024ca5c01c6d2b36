/**
 * `npm run with-db -- <command…>`: runs a command (say `npx payload migrate:create add-x`)
 * against the project's database, starting the embedded one if needed.
 */
import { spawn } from 'node:child_process'

import { openDatabase } from './database'
import { ensureSecret } from './secret'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('Usage: npm run with-db -- <command> [args…]')
  process.exit(2)
}
const database = await openDatabase()
const code = await new Promise<number>((resolve) => {
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: database.url, PAYLOAD_SECRET: ensureSecret() },
  })
  child.on('exit', (exitCode) => resolve(exitCode ?? 1))
})
await database.stop()
process.exit(code)
