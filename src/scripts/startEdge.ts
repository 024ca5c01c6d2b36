/**
 * `npm run start:edge`: the readers' path on one machine — `npm start` (the
 * app on 127.0.0.1:PORT) with Varnish in front of it on EDGE_PORT (8080).
 * Installs Debian's varnish when it is missing and this runs as root.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { startEdge } from '@/edge/varnish'

import { installWhenMissing } from './debian'
import { isListening } from './net'

const port = Number(process.env.PORT ?? 3000)
const edgePort = Number(process.env.EDGE_PORT ?? 8080)

installWhenMissing('/usr/sbin/varnishd', ['varnish', 'varnish-modules'])

// Readers come through the proxy; the app itself listens on loopback only.
const app = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/start.ts', 'start'], {
  env: {
    ...process.env,
    HOST: process.env.HOST ?? '127.0.0.1',
    PORT: String(port),
    // Varnish connects from 127.0.0.1: exactly that address, no other loopback one, is believed.
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? '127.0.0.1',
    // The app purges this Varnish by surrogate key after every change.
    PURGE_URLS: process.env.PURGE_URLS ?? `http://127.0.0.1:${edgePort}`,
  },
  stdio: 'inherit',
})
const appExited = new Promise<number>((resolve) => app.on('exit', (code) => resolve(code ?? 0)))

while (!(await isListening(port))) {
  if (app.exitCode !== null) process.exit(app.exitCode)
  await new Promise((resolve) => setTimeout(resolve, 500))
}
const edge = await startEdge({
  listenPort: edgePort,
  listenHost: process.env.EDGE_HOST ?? '0.0.0.0',
  backendHost: '127.0.0.1',
  backendPort: port,
  workDir: path.join(process.cwd(), '.data', 'varnish'),
})
console.log(`Readers' path: http://localhost:${edgePort} (Varnish → app on 127.0.0.1:${port})`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void edge.stop()
    app.kill(signal)
  })
}
const code = await appExited
await edge.stop()
process.exit(code)
