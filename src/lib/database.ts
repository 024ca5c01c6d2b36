import type { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { replicaRouting } from '@/lib/readReplicas'

export type Executor = {
  execute: (query: ReturnType<typeof sql>) => Promise<unknown>
}

/** The request's transaction when there is one, so a query sees the rows just written. */
export async function database(req: PayloadRequest): Promise<Executor> {
  const adapter = req.payload.db as unknown as {
    drizzle: Executor
    sessions?: Record<string | number, { db?: Executor }>
  }
  const id = req.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
}

/**
 * Where a reader's raw read goes: a read replica that is up and caught up
 * (DATABASE_READ_URLS), else the primary. `payload.db.drizzle.execute` always
 * runs on the primary (drizzle sends raw SQL there, since it may write): use
 * this for reads only, and never inside a write's transaction.
 */
export function readerDatabase(payload: Payload): Executor {
  const routing = replicaRouting(payload)
  if (!routing) return (payload.db as unknown as { drizzle: Executor }).drizzle
  return { execute: (query) => (routing.readDatabase() as unknown as Executor).execute(query) }
}

/** The rows of a raw query's result (node-postgres answers `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
