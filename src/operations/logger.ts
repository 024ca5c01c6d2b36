import { pino, type Logger } from 'pino'
import pretty from 'pino-pretty'

import { currentRequestId } from './processState'

/**
 * The process's one logger, Payload's and the server's: JSON lines on stdout in production
 * (one object per line, for a log shipper), Payload's usual pretty lines in development.
 * Every line written while a request is handled carries its `requestId` (pino's mixin
 * reads it from the request context src/server/main.ts opens around each request).
 * Kept on globalThis so the server and the bundled app write through the same instance.
 */
const LOGGER = Symbol.for('broadsheet.logger')

function create(): Logger {
  const options = {
    name: 'payload',
    level: process.env.LOG_LEVEL || 'info',
    enabled: process.env.DISABLE_LOGGING !== 'true',
    mixin: () => {
      const requestId = currentRequestId()
      return requestId ? { requestId } : {}
    },
  }
  if (process.env.NODE_ENV === 'production') return pino(options)
  return pino(
    options,
    pretty({ colorize: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }),
  )
}

export function logger(): Logger {
  const store = globalThis as typeof globalThis & { [LOGGER]?: Logger }
  return (store[LOGGER] ??= create())
}
