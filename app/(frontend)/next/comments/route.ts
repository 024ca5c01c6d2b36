import { type ArticleLookup, refusalPath } from '@/comments/article'
import { SubmissionError } from '@/comments/errors'
import { errorResponse, readSubmission, responseMode, successResponse } from '@/comments/http'
import { foreignPageRefusal } from '@/comments/origin'
import { commentNotSaved } from '@/comments/unavailable'
import { siteOrigins } from '@/lib/origins'
import { noteDatabaseError } from '@/lib/outage'
import { requestClientAddress } from '@/server/clientAddress'
import { submittedArticle, submitReaderComment } from '@/queries/comments'

/**
 * A reader's comment. JSON in, JSON out for the inline form and API clients;
 * a plain form post (JavaScript off) is answered with a redirect back to the
 * article, to a notice saying what happened. While the database is
 * unreachable: 503, and the reader keeps what they wrote.
 */
export async function POST(request: Request): Promise<Response> {
  const mode = responseMode(request)
  const foreign = foreignPageRefusal(request.headers, siteOrigins)
  // Answered as it is (403), never redirected back into the site that did not send it.
  if (foreign) return errorResponse(foreign, mode, null)
  let fields: Record<string, unknown> | undefined
  let article: ArticleLookup | undefined
  try {
    fields = await readSubmission(request)
    article = await submittedArticle(fields)
    const result = await submitReaderComment(fields, article, {
      address: requestClientAddress(request.headers),
      userAgent: request.headers.get('user-agent'),
    })
    return successResponse(result, mode)
  } catch (error) {
    if (noteDatabaseError(error)) return commentNotSaved(mode, fields)
    if (!(error instanceof SubmissionError)) throw error
    return errorResponse(error, mode, mode === 'form' ? await refusalPath(article) : null)
  }
}
