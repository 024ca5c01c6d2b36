import { noteDatabaseError } from '@/lib/outage'
import { unavailableHeaders } from '@/lib/unavailable'
import {
  articleIdFrom,
  notCountedReason,
  postedArticleId,
  ViewRequestError,
} from '@/mostRead/rules'
import { recordPageView } from '@/queries/mostRead'
import { requestClientAddress } from '@/server/clientAddress'

export const dynamic = 'force-dynamic'

/*
 * First-party page views for "Most read" (see README). The article page's
 * inline script POSTs {"article": id} here with navigator.sendBeacon; with
 * JavaScript off, a <noscript> image GETs ?article=id. /next/ is never cached
 * by the proxy, so a page served from its cache is still counted.
 */

const noStore = { 'cache-control': 'no-store' }
/** A transparent 1×1 GIF, for the <noscript> image. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

const REASONS = {
  repeat: 'Not counted: this reader was already counted for this article today.',
  'not-published': 'Not counted: no published article has that id.',
} as const

type Answer = { counted: boolean; message: string; status?: number; retryAfter?: number }

async function count(request: Request, articleId: () => Promise<number>): Promise<Answer> {
  try {
    const id = await articleId()
    const reason = notCountedReason(request.headers)
    if (reason) return { counted: false, message: reason }
    const result = await recordPageView(id, {
      address: requestClientAddress(request.headers),
      userAgent: request.headers.get('user-agent') ?? '',
    })
    if (result.outcome === 'limited') {
      return {
        counted: false,
        status: 429,
        retryAfter: result.retryAfter,
        message: `Too many views from your address in the last minute. Please wait ${result.retryAfter} seconds.`,
      }
    }
    if (result.outcome === 'counted') return { counted: true, message: 'Counted.' }
    return { counted: false, message: REASONS[result.outcome] }
  } catch (error) {
    if (error instanceof ViewRequestError) {
      return { counted: false, status: error.status, message: error.message }
    }
    // Never a 500: a view that cannot be stored is lost, and the reader is told why.
    if (!noteDatabaseError(error)) console.error('Could not count a page view', error)
    return {
      counted: false,
      status: 503,
      message:
        'Views cannot be counted right now: the newsroom’s database is not answering. Nothing was stored.',
    }
  }
}

function headersOf(answer: Answer): Record<string, string> {
  if (answer.status === 503) return unavailableHeaders()
  if (answer.retryAfter) return { ...noStore, 'retry-after': String(answer.retryAfter) }
  return noStore
}

export async function POST(request: Request): Promise<Response> {
  const answer = await count(request, () => postedArticleId(request))
  return Response.json(
    { counted: answer.counted, message: answer.message },
    { status: answer.status ?? 200, headers: headersOf(answer) },
  )
}

/** The <noscript> image: a pixel when all is well, the reason in words otherwise. */
export async function GET(request: Request): Promise<Response> {
  const answer = await count(request, async () =>
    articleIdFrom(new URL(request.url).searchParams.get('article')),
  )
  if (answer.status) {
    return new Response(answer.message, {
      status: answer.status,
      headers: { ...headersOf(answer), 'content-type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(PIXEL, { headers: { ...noStore, 'content-type': 'image/gif' } })
}

function wrongMethod(): Response {
  return new Response(
    'Views are counted with POST (a JSON body, {"article": <id>}) or GET ?article=<id>; nothing else is accepted here.',
    {
      status: 405,
      headers: { ...noStore, allow: 'GET, POST', 'content-type': 'text/plain; charset=utf-8' },
    },
  )
}

// A HEAD is no view (Next would otherwise answer it with GET, and count it).
export const HEAD = wrongMethod
export const PUT = wrongMethod
export const PATCH = wrongMethod
export const DELETE = wrongMethod
