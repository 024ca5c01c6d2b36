import { problemNotice } from '@/frontPage/messages'
import { getPublishedFrontPage } from '@/queries/frontPage'

import './frontPage.css'

/**
 * At the top of the Front page edit view: each pin readers no longer see (its story unpublished
 * or deleted), what they see instead and what to do — worked out from the published front page,
 * the same way the home page is.
 */
export async function PinNotice() {
  const { problems } = await getPublishedFrontPage()
  if (problems.length === 0) return null
  return (
    <div className="front-page-notice" role="status">
      <strong>Readers do not see every pinned story.</strong>
      <ul>
        {problems.map((problem) => (
          <li key={`${JSON.stringify(problem.slot)}-${problem.headline}`}>
            {problemNotice(problem)}
          </li>
        ))}
      </ul>
    </div>
  )
}
