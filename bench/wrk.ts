/**
 * wrk (Debian's), the bench's load generator: installed when missing and
 * running as root, pinned to its own CPUs, one Lua script per run assembled
 * from bench/lua/ (report.lua first: it prints the figures as JSON).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { cpuSeconds } from './proc'

const WRK = '/usr/bin/wrk'
const LUA = path.join(process.cwd(), 'bench', 'lua')

/** wrk's path; installs Debian's wrk first when it is missing and this runs as root. */
export function ensureWrk(): string {
  if (existsSync(WRK)) return WRK
  if (process.getuid?.() === 0) {
    console.log("Installing Debian's wrk (once)…")
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  }
  if (!existsSync(WRK))
    throw new Error('wrk is not installed: apt-get install wrk, then run again.')
  return WRK
}

export interface WrkOptions {
  url: string
  seconds: number
  connections: number
  threads: number
  /** taskset CPU list for wrk, e.g. "1"; unset, unpinned. */
  cpus?: string
  headers?: Record<string, string>
  /** Lua pieces from bench/lua/ after report.lua, e.g. ['paced']. */
  scripts?: string[]
  params?: Record<string, string | number>
  /** Processes whose CPU use over the run is reported (the server side). */
  watch?: () => number[]
}

export interface WrkResult {
  requests: number
  /** Requests per second. */
  rate: number
  p50: number
  p90: number
  p99: number
  max: number
  /** Connection errors, timeouts and answers other than 2xx/3xx. */
  errors: number
  statuses: Record<string, number>
  ids: number[]
  /** CPU used, in cores: wrk itself and the watched processes. */
  cpu: { client: number; server: number }
}

interface Report {
  requests: number
  durationUs: number
  errors: Record<string, number>
  latencyUs: { p50: number; p90: number; p99: number; max: number }
  statuses: Record<string, number>
  ids: number[]
}

function script(pieces: string[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'broadsheet-wrk-')), 'run.lua')
  const source = ['report', ...pieces].map((name) =>
    readFileSync(path.join(LUA, `${name}.lua`), 'utf8'),
  )
  writeFileSync(file, source.join('\n'))
  return file
}

export async function wrk(options: WrkOptions): Promise<WrkResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    script(options.scripts ?? []),
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => [
      '-H',
      `${name}: ${value}`,
    ]),
    options.url,
    '--',
    `threads=${options.threads}`,
    ...Object.entries(options.params ?? {}).map(([key, value]) => `${key}=${value}`),
  ]
  const [command, commandArgs] = options.cpus
    ? ['taskset', ['-c', options.cpus, ensureWrk(), ...args]]
    : [ensureWrk(), args]
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))

  // CPU used over the run, from a second in to half a second before its end.
  const use = () => ({
    at: performance.now(),
    client: cpuSeconds([child.pid!]),
    // The watched processes, less wrk itself when it is one of them.
    server: cpuSeconds((options.watch?.() ?? []).filter((pid) => pid !== child.pid)),
  })
  let from: ReturnType<typeof use> | undefined
  let to: ReturnType<typeof use> | undefined
  const timers = [
    setTimeout(() => (from = use()), 1000),
    setTimeout(() => (to = use()), Math.max(1500, options.seconds * 1000 - 500)),
  ]
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
  timers.forEach(clearTimeout)
  const line = output.split('\n').find((l) => l.startsWith('BENCH_JSON '))
  if (code !== 0 || !line) throw new Error(`wrk ${args.join(' ')} failed:\n${output}`)
  const report = JSON.parse(line.slice('BENCH_JSON '.length)) as Report
  const seconds = from && to ? (to.at - from.at) / 1000 : 0
  const ms = (us: number) => Math.round(us / 10) / 100
  return {
    requests: report.requests,
    rate: report.requests / (report.durationUs / 1e6),
    p50: ms(report.latencyUs.p50),
    p90: ms(report.latencyUs.p90),
    p99: ms(report.latencyUs.p99),
    max: ms(report.latencyUs.max),
    errors: Object.values(report.errors).reduce((sum, n) => sum + n, 0),
    statuses: report.statuses,
    ids: report.ids,
    cpu: {
      client: seconds > 0 ? (to!.client - from!.client) / seconds : 0,
      server: seconds > 0 ? (to!.server - from!.server) / seconds : 0,
    },
  }
}
