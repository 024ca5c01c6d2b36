import type { Payload, TypedUser, Where } from 'payload'

import { isEditor, isStaff } from '@/access/roles'

const LIMIT = 20

/**
 * The dashboard's review list: editors see what is waiting for review, oldest
 * request first; authors see their own articles sent back to them, with the note.
 */
export async function ReviewQueue({
  payload,
  user,
}: {
  payload: Payload
  user?: TypedUser | null
}) {
  if (!user || !isStaff(user)) return null
  const editor = isEditor(user)
  const where: Where = editor
    ? { reviewStatus: { equals: 'in_review' } }
    : { and: [{ reviewStatus: { equals: 'sent_back' } }, { createdBy: { equals: user.id } }] }
  const { docs, totalDocs } = await payload.find({
    collection: 'articles',
    draft: true,
    where,
    sort: 'updatedAt',
    limit: LIMIT,
    depth: 0,
    user,
    overrideAccess: false,
    // createdBy too: the note is readable only by its article's author (and editors).
    select: { headline: true, reviewNote: true, updatedAt: true, createdBy: true },
  })
  const admin = payload.config.routes.admin
  const state = editor ? 'in_review' : 'sent_back'
  const title = editor ? 'Waiting for review' : 'Sent back to you'
  return (
    <section className="bs-review-queue" aria-labelledby="bs-review-queue-title">
      <h2 id="bs-review-queue-title">
        {title} ({totalDocs})
      </h2>
      {totalDocs === 0 ? (
        <p>
          {editor ? 'No articles are waiting for review.' : 'Nothing has been sent back to you.'}
        </p>
      ) : (
        <>
          <ul>
            {docs.map((doc) => (
              <li key={doc.id}>
                <a href={`${admin}/collections/articles/${doc.id}`}>{doc.headline}</a>
                {!editor && doc.reviewNote && <span> — {doc.reviewNote}</span>}
              </li>
            ))}
          </ul>
          {totalDocs > LIMIT && (
            <p>
              <a href={`${admin}/collections/articles?where[reviewStatus][equals]=${state}`}>
                Show all {totalDocs}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  )
}
