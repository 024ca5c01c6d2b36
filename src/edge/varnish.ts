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
  /**
   * The app's replicas, when there are several (`npm run start:cluster`): readers are shared
   * among those that answer the health probe. Defaults to backendHost:backendPort alone.
   */
  backends?: Backend[]
  /** Addresses allowed to PURGE: the app's own, never a range. */
  purgers?: string[]
  /** Varnish's working folder (its shared memory log and compiled VCL). */
  workDir: string
}

export interface Edge {
  port: number
  stop: () => Promise<void>
}

export interface Backend {
  host: string
  port: number
}

/** The text between `# NAME_BEGIN` and `# NAME_END`, once per item, as `render` makes it. */
function repeatBlock<T>(
  vcl: string,
  name: string,
  items: T[],
  render: (block: string, item: T, index: number) => string,
) {
  const pattern = new RegExp(`(# ${name}_BEGIN\\n)([\\s\\S]*?)(\\s*# ${name}_END)`)
  return vcl.replace(
    pattern,
    (_all, begin: string, block: string, end: string) =>
      begin + items.map((item, index) => render(block, item, index)).join('\n') + end,
  )
}

/** The VCL for these options: the template with its placeholders filled in. */
export function renderVcl(
  options: Pick<EdgeOptions, 'backendHost' | 'backendPort' | 'backends' | 'purgers'>,
) {
  const purgers = (options.purgers ?? ['127.0.0.1']).map((address) => `  "${address}";`).join('\n')
  const backends = options.backends?.length
    ? options.backends
    : [{ host: options.backendHost, port: options.backendPort }]
  const named = (block: string, index: number) => block.replace(/\bapp1\b/, `app${index + 1}`)
  let vcl = readFileSync(VCL_TEMPLATE, 'utf8')
  vcl = repeatBlock(vcl, 'BROADSHEET_BACKENDS', backends, (block, backend, index) =>
    named(block, index)
      .replace('BROADSHEET_BACKEND_HOST', backend.host)
      .replace('BROADSHEET_BACKEND_PORT', String(backend.port)),
  )
  vcl = repeatBlock(vcl, 'BROADSHEET_DIRECTOR', backends, (block, _backend, index) =>
    named(block, index),
  )
  // After appN fails a read, the retry goes to the next replica (with one replica, to itself).
  vcl = repeatBlock(vcl, 'BROADSHEET_RETRY', backends, (block, _backend, index) => {
    const next = `app${((index + 1) % backends.length) + 1}`
    return block
      .replace(/\bapp1\b/g, next)
      .replace(`beresp.backend == ${next}`, `beresp.backend == app${index + 1}`)
  })
  return vcl
    .replace('BROADSHEET_RETRIES', String(Math.max(2, backends.length)))
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
 * Bounds on what readers may send and how slowly (varnishd parameters; the app has its own,
 * src/server/limits.ts). Varnish 7.1 answers a header line over http_req_hdr_len with a 400
 * and closes a request over http_req_size without an answer; neither reaches the app.
 * - http_req_size 12k: every request header together, under the app's 16 KiB with room for the
 *   headers Varnish adds (X-Forwarded-For, Via, X-Varnish). Cookies here are well under 4 KiB.
 * - http_req_hdr_len 8k: one header line (Varnish's default).
 * - timeout_idle 10s: a request's headers must be in within 10 s of the connection opening (or
 *   of the previous answer on a kept-alive one), and a body may pause for at most 10 s between
 *   two reads. It bounds gaps, not the whole body, so a large upload on a slow link still
 *   arrives; a body trickled faster than that is cut off by the app (under 500 bytes a second).
 * - http_resp_hdr_len 32k, http_resp_size 64k (workspace_backend 128k): headroom, not measured
 *   need: a page's Content-Security-Policy lists a hash (~55 bytes) for each inline script, so
 *   it grows with the page, and a header over the default 8k would make that page a 503.
 * - idle_send_timeout 30s, send_timeout 300s: a reader who stops reading is dropped after 30 s
 *   without progress, and one still reading after five minutes of such pauses is dropped.
 * - backend_idle_timeout 3s: unused connections to the app are closed before the app closes
 *   them (its keepAliveTimeout is 5 s), so the proxy never sends a request on a dying one.
 */
export const EDGE_LIMITS: Readonly<Record<string, string>> = {
  http_req_size: '12k',
  http_req_hdr_len: '8k',
  timeout_idle: '10',
  http_resp_hdr_len: '32k',
  http_resp_size: '64k',
  workspace_backend: '128k',
  idle_send_timeout: '30',
  send_timeout: '300',
  backend_idle_timeout: '3',
}

/**
 * What Varnish writes to its shared-memory log (VSL) for each request, beyond its default mask.
 * Every header it receives, sends, sets and unsets (ReqHeader, RespHeader, ReqUnset,
 * RespUnset: a dozen-odd records a hit, a page's Content-Security-Policy among them), each VCL
 * subroutine it enters and leaves (VCL_call, VCL_return) and four printf-formatted Timestamp
 * records are copied into the log on every hit; a profile of the readers' path under load put
 * that formatting and copying, and the page faults of writing the log, at about a tenth of the
 * proxy's CPU. Nothing of Broadsheet reads those records (the app logs each request with its
 * id; the bench and the tests read counters, `varnishstat`, which the mask does not touch).
 * Still logged per request: its begin and end, method, URL, status, bytes (ReqAcct), hit or
 * miss, errors, and everything about fetches from the app (Bereq*, Beresp*). The list adds to Varnish's default mask. To see every
 * header again while debugging: `varnishadm -n <workDir> param.set vsl_mask default`.
 */
export const VSL_MASK =
  '-ReqHeader,-RespHeader,-ReqUnset,-RespUnset,-VCL_call,-VCL_return,-Timestamp'

/**
 * varnishd's arguments besides where it listens and which VCL it loads, wherever it runs
 * (`npm run start:edge`, the tests, docker-compose.yml through src/scripts/renderEdge.ts).
 */
export function varnishdArgs(): string[] {
  const limits = Object.entries(EDGE_LIMITS).flatMap(([name, value]) => ['-p', `${name}=${value}`])
  return [
    '-s',
    'malloc,256m',
    '-p',
    'http_gzip_support=off',
    '-p',
    'feature=+http2',
    '-p',
    `vsl_mask=${VSL_MASK}`,
    ...limits,
  ]
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
      ...varnishdArgs(),
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
