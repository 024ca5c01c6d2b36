/**
 * The servers a bench run measures: the app (`next start`), the bare
 * node:http baseline, and how to read a page's exact bytes from the app.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { serverArgs } from '../src/scripts/next'

import { waitFor } from './wait'

export interface Server {
  url: string
  process: ChildProcess
  stop: () => Promise<void>
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
}

/**
 * The app's server on 127.0.0.1:port, resolved once `readyPath` answers. The
 * load generator on 127.0.0.1 stands in for the proxy: each request names its
 * reader in X-Forwarded-For.
 */
export async function startApp(env: NodeJS.ProcessEnv, port: number, readyPath: string) {
  // BENCH_CPU_PROF=<folder>: the app writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : []
  const child = spawn(process.execPath, [...flags, ...serverArgs('start')], {
    env: {
      TRUSTED_PROXIES: '127.0.0.1',
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${url}${readyPath}`)
  return { url, process: child, stop: stopper(child) } satisfies Server
}

/** A response's headers as [name, value] pairs, in the order they were sent. */
export type HeaderList = [string, string][]

/**
 * Headers a server sends itself whatever it answers (the baseline's node:http adds its own), or
 * that differ per request (the proxy's X-Request-Id is replaced by one of the same length).
 */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length'])

/** A page's body exactly as the server sends it, gzipped when `gzip` (no decoding). */
export function rawBody(
  url: string,
  gzip: boolean,
): Promise<{ body: Buffer; encoding?: string; headers: HeaderList }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          if (response.statusCode !== 200)
            reject(new Error(`${url} answered ${response.statusCode}`))
          else {
            const headers: HeaderList = []
            for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
              const [name, value] = [response.rawHeaders[i]!, response.rawHeaders[i + 1]!]
              if (OWN_HEADERS.has(name.toLowerCase())) continue
              headers.push([
                name,
                name.toLowerCase() === 'x-request-id' ? 'x'.repeat(value.length) : value,
              ])
            }
            resolve({
              body: Buffer.concat(chunks),
              encoding: response.headers['content-encoding'],
              headers,
            })
          }
        })
      })
      .on('error', reject)
  })
}

/**
 * bench/bareServer.ts serving these bytes, on 127.0.0.1:port: each body with the headers the
 * proxy sends with it, so both put the same bytes on the wire.
 */
export async function startBaseline(
  plain: { body: Buffer; headers: HeaderList },
  gzip: { body: Buffer; headers: HeaderList },
  port: number,
): Promise<Server> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'))
  const files = [
    path.join(folder, 'page.html'),
    path.join(folder, 'page.html.gz'),
    path.join(folder, 'headers.json'),
  ]
  writeFileSync(files[0]!, plain.body)
  writeFileSync(files[1]!, gzip.body)
  writeFileSync(files[2]!, JSON.stringify({ plain: plain.headers, gzip: gzip.headers }))
  const child = fork(path.join('bench', 'bareServer.ts'), [...files, String(port)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'ignore',
  })
  await new Promise((resolve) => child.once('message', resolve))
  return { url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child) }
}
