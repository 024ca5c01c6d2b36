import type { Payload, RequestContext } from 'payload'

import { env } from '@/env'
import { jobsLeader } from '@/jobs/leader'
import { invalidate } from '@/revalidation/invalidate'
import { cacheTags } from '@/queries/tags'

import { currentMostRead, rankingOf } from './ranking'
import { pruneViewState, storeRanking } from './store'

/**
 * Re-ranks the "Most read" rail and, when the order changed, purges the home
 * page (Next's cache and the proxies), so readers see new counts without an
 * editor doing anything. The ranking is compared in PostgreSQL
 * (storeRanking), so with several app processes a change purges once.
 * Also prunes the day's reader hashes and the flood counts.
 */
export async function refreshMostRead(
  payload: Payload,
  context: RequestContext = {},
): Promise<boolean> {
  const changed = await storeRanking(payload, rankingOf(await currentMostRead(payload)))
  if (changed) {
    invalidate(
      { cacheTags: [cacheTags.mostRead()], paths: ['/'] },
      { context, logger: payload.logger },
    )
  }
  await pruneViewState(payload)
  return changed
}

const TIMER = Symbol.for('broadsheet.mostReadTimer')

/**
 * Every MOST_READ_REFRESH_SECONDS inside the server, in the one process that
 * runs the scheduled jobs (src/jobs/leader.ts; not in scripts, tests on the
 * Local API or `next build`): the ranking is shared, so one re-ranker is enough.
 * A plain timer rather than a scheduled Payload job: a job row every few
 * seconds would crowd Newsroom → Scheduled jobs, which editors read for
 * failed publishes.
 */
export function startMostReadRefresh(payload: Payload): void {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.BROADSHEET_JOBS === 'off') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const store = globalThis as typeof globalThis & { [TIMER]?: NodeJS.Timeout }
  if (store[TIMER]) return
  let running = false
  store[TIMER] = setInterval(() => {
    if (running || !jobsLeader().isLeader) return
    running = true
    refreshMostRead(payload)
      .catch((error: unknown) =>
        payload.logger.warn({ msg: 'Could not re-rank "Most read"; trying again shortly', error }),
      )
      .finally(() => {
        running = false
      })
  }, env.MOST_READ_REFRESH_SECONDS * 1000)
  store[TIMER].unref()
}
