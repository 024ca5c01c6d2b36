import type { Payload } from 'payload'

interface EventSource {
  on: (event: 'error', listener: (error: Error) => void) => unknown
}

/**
 * node-postgres emits 'error' on its pool when an idle connection dies (the
 * database restarted, a failover, a network blip). Unhandled, that event
 * kills the whole server — and with it the cached pages readers could still
 * be served. Log it instead; the pool opens new connections when asked.
 */
export function survivePoolErrors(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: EventSource }).pool
  pool?.on('error', (error) => {
    payload.logger.warn({
      msg: 'A PostgreSQL connection was lost; new ones will be opened on demand',
      err: error,
    })
  })
}
