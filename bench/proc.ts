/**
 * What the bench reads from /proc (Linux): a server's process tree, its CPU
 * time and memory, and pinning it to CPUs with taskset.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may hold spaces: fields start after its closing parenthesis.
    return text.slice(text.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    const child = Number(name)
    const parent = Number.isInteger(child) ? Number(stat(child)?.[1]) : NaN
    if (Number.isInteger(parent)) children.set(parent, [...(children.get(parent) ?? []), child])
  }
  const tree = [pid]
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []))
  return tree
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU seconds (user + system) these processes have used so far. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0
  for (const pid of pids) {
    const fields = stat(pid)
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat (11 and 12 after the name).
    if (fields) ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks / ticksPerSecond
}

/** Resident memory of a process in MiB (VmRSS), 0 when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : 0
  } catch {
    return 0
  }
}

/** Moves every thread of every process in these trees onto `cpus` (taskset's list, e.g. "0"). */
export function pinTrees(pids: number[], cpus: string): void {
  for (const pid of pids.flatMap(processTree)) {
    try {
      execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' })
    } catch {
      // the process ended meanwhile
    }
  }
}

/**
 * Peak resident memory (MiB) of the processes `pids()` names, summed, sampled
 * every `ms` and kept per phase of the run (`phase(name)` starts one).
 */
export function sampleRss(pids: () => number[], ms = 200) {
  const peaks: Record<string, number> = {}
  let current = 'start'
  const take = () => {
    const total = pids().reduce((sum, pid) => sum + rssMiB(pid), 0)
    peaks[current] = Math.max(peaks[current] ?? 0, total)
  }
  const timer = setInterval(take, ms)
  return {
    phase: (name: string) => {
      take()
      current = name
      take()
    },
    peaks: () => ({ ...peaks }),
    stop: () => clearInterval(timer),
  }
}
