import { clientAddress } from '@/comments/clientAddress'
import { SubmissionError } from '@/comments/errors'
import { errorResponse, readSubmission, responseMode, successResponse } from '@/comments/http'
import { publishedArticlePath, submitReaderComment } from '@/queries/comments'

/**
 * A reader's comment. JSON in, JSON out for the inline form and API clients;
 * a plain form post (JavaScript off) is answered with a redirect back to the
 * article, to a notice saying what happened.
 */
export async function POST(request: Request): Promise<Response> {
  const mode = responseMode(request)
  let fields: Record<string, unknown> = {}
  try {
    fields = await readSubmission(request)
    const result = await submitReaderComment(fields, {
      address: clientAddress(request.headers),
      userAgent: request.headers.get('user-agent'),
    })
    return successResponse(result, mode)
  } catch (error) {
    if (!(error instanceof SubmissionError)) throw error
    const articlePath = mode === 'form' ? await publishedArticlePath(fields) : null
    return errorResponse(error, mode, articlePath)
  }
}
