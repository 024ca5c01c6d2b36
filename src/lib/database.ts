import type { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

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

/** The rows of a raw query's result (node-postgres answers `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
