import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

/** The VCL kept in the repo; its BROADSHEET_* placeholders are filled in here. */
export const VCL_TEMPLATE = path.join(process.cwd(), 'deploy', 'varnish', 'default.vcl')

export interface EdgeOptions {
  /** Where readers connect (EDGE_PORT, 8080). */
  listenPort: number
  listenHost?: string
  /** The app behind it. */
  backendHost: string
  backendPort: number
  /** Addresses allowed to PURGE: the app's own, never a range. */
  purgers?: string[]
  /** Varnish's working folder (its shared memory log and compiled VCL). */
  workDir: string
}

export interface Edge {
  port: number
  stop: () => Promise<void>
}

/** The VCL for these options: the template with its placeholders filled in. */
export function renderVcl(options: Pick<EdgeOptions, 'backendHost' | 'backendPort' | 'purgers'>) {
  const purgers = (options.purgers ?? ['127.0.0.1']).map((address) => `  "${address}";`).join('\n')
  return readFileSync(VCL_TEMPLATE, 'utf8')
    .replace('BROADSHEET_BACKEND_HOST', options.backendHost)
    .replace('BROADSHEET_BACKEND_PORT', String(options.backendPort))
    .replace('  BROADSHEET_PURGERS', purgers)
}

function varnishd(): string {
  for (const candidate of ['/usr/sbin/varnishd', '/usr/bin/varnishd']) {
    if (existsSync(candidate)) return candidate
  }
  throw new Error(
    'Varnish is not installed: apt-get install varnish varnish-modules (Debian), then run this again.',
  )
}

function answers(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * Starts Varnish in the foreground as a child of this process, in front of
 * the app, and resolves once it accepts connections. Gzip is stored as the
 * app sends it (http_gzip_support off: no gunzip per request); the VCL keeps
 * at most a gzip and a plain copy of each page.
 */
export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const binary = varnishd()
  const host = options.listenHost ?? '127.0.0.1'
  mkdirSync(options.workDir, { recursive: true })
  const vcl = path.join(options.workDir, 'broadsheet.vcl')
  writeFileSync(vcl, renderVcl(options))
  // Compile first, so a broken VCL is reported with Varnish's own message.
  execFileSync(binary, ['-C', '-f', vcl, '-n', options.workDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let output = ''
  const child: ChildProcess = spawn(
    binary,
    [
      '-F',
      '-j',
      'none',
      '-n',
      options.workDir,
      '-a',
      `${host}:${options.listenPort}`,
      '-f',
      vcl,
      '-s',
      'malloc,256m',
      '-p',
      'http_gzip_support=off',
      '-p',
      'feature=+http2',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 30_000
  while (!(await answers(options.listenPort, host))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`Varnish did not start on ${host}:${options.listenPort}:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    port: options.listenPort,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
