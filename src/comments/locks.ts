const queues = new Map<string, Promise<void>>()

async function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  let release!: () => void
  const current = new Promise<void>((resolve) => (release = resolve))
  const tail = previous.then(() => current)
  queues.set(key, tail)
  await previous
  try {
    return await task()
  } finally {
    release()
    if (queues.get(key) === tail) queues.delete(key)
  }
}

/**
 * Runs `task` while holding every key, taken in sorted order so two tasks can
 * never wait on each other. Serialises submissions from one address, one
 * email or with one submission key in this process, so the flood, duplicate
 * and idempotency checks see each other's rows. (Several app processes would
 * need a database lock; the unique indexes still stop double writes.)
 */
export function withLocks<T>(keys: string[], task: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort()
  const run = (index: number): Promise<T> =>
    index === sorted.length ? task() : withLock(sorted[index]!, () => run(index + 1))
  return run(0)
}
