import type { Payload } from 'payload'

/** How many comments wait, with a link to them: on the dashboard and above the comments list. */
export async function PendingCount({ payload }: { payload: Payload }) {
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: { status: { equals: 'pending' } },
    overrideAccess: true,
  })
  const href = `${payload.config.routes.admin}/collections/comments?where[status][equals]=pending`
  return (
    <p className="pending-comments" role="status">
      {totalDocs === 0 ? (
        'No comments are waiting for moderation.'
      ) : (
        <>
          <strong>
            {totalDocs} {totalDocs === 1 ? 'comment is' : 'comments are'} awaiting moderation.
          </strong>{' '}
          <a href={href}>Show them</a>
        </>
      )}
    </p>
  )
}
