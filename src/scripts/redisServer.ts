import { type ChildProcess, spawn } from 'node:child_process'

import { isListening } from './net'

export interface RedisServer {
  url: string
  port: number
  stop: () => Promise<void>
}

/**
 * Debian's redis-server on 127.0.0.1:port as a child of this process, keeping nothing on disk
 * (it holds a cache: every entry can be rendered again), at most 512 MB: when full, the least
 * recently used page entries (each has a lifetime) go, never the invalidations (none), which
 * keep stale entries from looking fresh. Resolves once it accepts connections.
 */
export async function startRedisServer(port: number): Promise<RedisServer> {
  let output = ''
  const child: ChildProcess = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--maxmemory', '512mb', '--maxmemory-policy', 'volatile-lru'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 15_000
  while (!(await isListening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`redis-server did not start on 127.0.0.1:${port}:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
