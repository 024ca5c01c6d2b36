import { RETRY_AFTER_SECONDS } from '@/lib/outage'
import { site } from '@/lib/site'
import { urls } from '@/lib/urls'

/**
 * What readers and clients get while the database is unreachable: 503 with
 * Retry-After, never stored by a cache, in words a person understands. The
 * HTML page stands alone (inline styles, no script): it is served when the app
 * cannot render pages.
 */
export function unavailableHeaders(): Record<string, string> {
  return { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' }
}

export const UNAVAILABLE_MESSAGES = {
  page: 'This page cannot be shown right now: the newsroom’s database is not answering. Pages you have read recently still work. Please try again in a minute.',
  search:
    'Search cannot answer right now: it reads the newsroom’s database, which is not answering. Please try again in a minute.',
  comment:
    'Your comment was not sent: the newsroom’s database is not answering, so it could not be saved. Please send it again in a minute.',
  comments:
    'Comments cannot be taken right now: the newsroom’s database is not answering. Please try again in a minute.',
  api: 'The database is not answering; nothing was read or changed. Try again in a minute.',
} as const

/** 503 JSON in the shape the comment endpoints answer every refusal with. */
export function unavailableJson(message: string): Response {
  return Response.json(
    { ok: false, error: { message, field: null, problems: [] } },
    { status: 503, headers: unavailableHeaders() },
  )
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

const STYLE = `:root{color-scheme:light dark;--paper:#fbfaf7;--ink:#1a1a1a;--muted:#55575c;--link:#1b4b8a;--rule:#d9d6cf}
@media (prefers-color-scheme:dark){:root{--paper:#16171a;--ink:#ecebe7;--muted:#b4b2ad;--link:#9cc3ff;--rule:#3a3b40}}
body{margin:0;background:var(--paper);color:var(--ink);font:1.125rem/1.6 Georgia,serif}
header,main{max-width:40rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:3px double var(--rule);font:700 1.5rem/1.2 Georgia,serif}
a{color:var(--link)}label{display:block;margin-top:1rem;font:600 1rem system-ui,sans-serif}
input,textarea{box-sizing:border-box;width:100%;font:inherit;padding:.4rem}
button{margin-top:1rem;font:600 1rem system-ui,sans-serif;padding:.5rem 1rem}
.hint{color:var(--muted);font-size:1rem}`

/**
 * The designed 503 page. `body` is HTML the caller built with escapeHtml
 * around anything a reader sent.
 */
export function unavailablePage({ heading, body }: { heading: string; body: string }): Response {
  const html = `<!doctype html>
<html lang="${site.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(heading)} — ${site.name}</title><style>${STYLE}</style></head>
<body><header><a href="${urls.home()}">${site.name}</a></header>
<main><h1>${escapeHtml(heading)}</h1>
${body}
</main></body></html>`
  return new Response(html, {
    status: 503,
    headers: { ...unavailableHeaders(), 'content-type': 'text/html; charset=utf-8' },
  })
}

/** The designed 503 for a reader page (or search) that could not be rendered. */
export function unavailableReaderPage(kind: 'page' | 'search'): Response {
  return unavailablePage({
    heading: kind === 'search' ? 'Search is unavailable right now' : 'We’ll be right back',
    body: `<p>${escapeHtml(UNAVAILABLE_MESSAGES[kind])}</p>
<p><a href="${urls.home()}">Go to the front page</a></p>`,
  })
}
