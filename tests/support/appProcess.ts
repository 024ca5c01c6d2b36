import { type ChildProcess, spawn } from 'node:child_process'

/** A running tests/support/appProcess.main.ts: one app process on a database of the test's choosing. */
export interface AppProcess {
  pid: number
  /** Sends a command and resolves with its answer. */
  ask: <T = Record<string, unknown>>(command: Record<string, unknown>) => Promise<T>
  output: () => string
  /** Ends it with `signal` and resolves once it has exited. */
  kill: (signal?: NodeJS.Signals) => Promise<void>
}

const READY_WITHIN_MS = 120_000

/**
 * Starts one, again (up to three times) when Payload's start-up left Node nothing to wait on
 * before it was ready: Node then ends the process with 13 ("unsettled top-level await"), the
 * upstream flake src/scripts/withPayload.ts answers with exit 2 for the npm scripts.
 */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(env)
    } catch (error) {
      if (attempt === 3 || !(error instanceof StartUpLeftNothing)) throw error
    }
  }
}

class StartUpLeftNothing extends Error {}

function launch(env: Record<string, string>): Promise<AppProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/support/appProcess.main.ts'],
    { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let output = ''
  let buffered = ''
  let nextId = 0
  const waiting = new Map<number, (answer: Record<string, unknown>) => void>()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The app process did not start within 2 minutes:\n${output.slice(-4000)}`))
    }, READY_WITHIN_MS)
    child.once('exit', (code) => {
      clearTimeout(timer)
      const Failure = code === 13 ? StartUpLeftNothing : Error
      reject(new Failure(`The app process exited with ${code}:\n${output.slice(-4000)}`))
    })
    child.stderr!.on('data', (chunk) => (output += chunk))
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        if (!line.startsWith('@@ ')) continue
        const message = JSON.parse(line.slice(3)) as Record<string, unknown>
        if ('ready' in message) {
          clearTimeout(timer)
          resolve(process_)
        } else if (typeof message.id === 'number') {
          waiting.get(message.id)?.(message)
          waiting.delete(message.id)
        }
      }
    })
    const process_: AppProcess = {
      pid: child.pid!,
      ask: <T>(command: Record<string, unknown>) =>
        new Promise<T>((answer, fail) => {
          nextId += 1
          const id = nextId
          waiting.set(id, (message) =>
            'error' in message
              ? fail(new Error(`${String(message.error)}\n${output.slice(-4000)}`))
              : answer(message as T),
          )
          child.stdin!.write(`${JSON.stringify({ ...command, id })}\n`)
        }),
      output: () => output,
      kill: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal)
        await exited
      },
    }
  })
}

/** Asks `check` until it returns a value (not undefined), for up to `withinMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  withinMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + withinMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Not within ${withinMs / 1000} s: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
