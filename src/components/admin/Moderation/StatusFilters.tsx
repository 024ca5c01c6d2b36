import type { Payload } from 'payload'

import { COMMENT_STATUSES, STATUS_LABELS } from '@/collections/Comments/statuses'

/** One-click views of the moderation queue, with how many comments each holds. */
export async function StatusFilters({ payload }: { payload: Payload }) {
  const counts = await Promise.all(
    COMMENT_STATUSES.map(
      async (status) =>
        [
          status,
          (
            await payload.count({
              collection: 'comments',
              where: { status: { equals: status } },
              overrideAccess: true,
            })
          ).totalDocs,
        ] as const,
    ),
  )
  const list = `${payload.config.routes.admin}/collections/comments`
  return (
    <nav className="moderation-filters" aria-label="Comments by status">
      {counts.map(([status, count]) => (
        <a key={status} href={`${list}?where[status][equals]=${status}`}>
          {STATUS_LABELS[status]} ({count})
        </a>
      ))}
      <a href={list}>All</a>
    </nav>
  )
}
