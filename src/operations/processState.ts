import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * State the app's server (src/server/main.ts) shares with the bundled app (route handlers,
 * Payload's logger). Next bundles its own copy of every module, so a module-level variable
 * would be two variables; a `Symbol.for` key on globalThis is one, whichever copy reads it.
 */
const LIFECYCLE = Symbol.for('broadsheet.lifecycle')
const REQUEST_CONTEXT = Symbol.for('broadsheet.requestContext')
const SHARED_CACHE = Symbol.for('broadsheet.sharedCache')

export interface Lifecycle {
  /** Set when SIGTERM (or SIGINT) arrives: readiness answers 503 from then on. */
  shuttingDown: boolean
}

export interface RequestContext {
  /** The request's id: the trusted proxy's X-Request-Id, or one made here. */
  requestId: string
}

/** What the Redis-backed cache handler publishes about itself; absent means not configured. */
export interface SharedCacheStatus {
  configured: boolean
  connected: boolean
  error?: string
}

type Shared = typeof globalThis & {
  [LIFECYCLE]?: Lifecycle
  [REQUEST_CONTEXT]?: AsyncLocalStorage<RequestContext>
  [SHARED_CACHE]?: SharedCacheStatus
}
const shared = globalThis as Shared

export function lifecycle(): Lifecycle {
  return (shared[LIFECYCLE] ??= { shuttingDown: false })
}

export function requestContext(): AsyncLocalStorage<RequestContext> {
  return (shared[REQUEST_CONTEXT] ??= new AsyncLocalStorage<RequestContext>())
}

/** The id of the request being handled right now, if any. */
export function currentRequestId(): string | undefined {
  return shared[REQUEST_CONTEXT]?.getStore()?.requestId
}

export function sharedCacheStatus(): SharedCacheStatus | undefined {
  return shared[SHARED_CACHE]
}
