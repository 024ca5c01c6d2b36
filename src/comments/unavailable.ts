import {
  escapeHtml,
  UNAVAILABLE_MESSAGES,
  unavailableJson,
  unavailablePage,
} from '@/lib/unavailable'
import { urls } from '@/lib/urls'

import type { Mode } from './http'

/** The comment endpoint, where the kept form is sent again (the article page's form posts here too). */
const COMMENTS_ENDPOINT = '/next/comments'

type Fields = Record<string, unknown> | undefined

function text(fields: Fields, name: string): string {
  const value = fields?.[name]
  return typeof value === 'string' ? value : ''
}

function hidden(fields: Fields, name: string): string {
  const value = text(fields, name)
  return value ? `<input type="hidden" name="${name}" value="${escapeHtml(value)}">` : ''
}

/**
 * A comment that could not be saved because the database is unreachable:
 * 503 with Retry-After. The inline form (JSON) keeps its own text and shows
 * the message; a plain form post gets a page with the form again, filled in
 * as the reader sent it, to send once more when the site is back.
 */
export function commentNotSaved(mode: Mode, fields: Fields): Response {
  if (mode === 'json') return unavailableJson(UNAVAILABLE_MESSAGES.comment)
  // The line break after <textarea> is the parser's to drop, so a comment's own first one stays.
  return unavailablePage({
    heading: 'Your comment was not sent',
    body: `<p>${escapeHtml(UNAVAILABLE_MESSAGES.comment)} It is below, as you wrote it.</p>
<form method="post" action="${COMMENTS_ENDPOINT}" aria-label="Your comment">
${hidden(fields, 'article')}${hidden(fields, 'parent')}${hidden(fields, 'token')}
<label for="name">Name</label><input id="name" name="name" maxlength="80" required autocomplete="name" value="${escapeHtml(text(fields, 'name'))}">
<label for="email">Email</label><input id="email" name="email" type="email" maxlength="254" required autocomplete="email" value="${escapeHtml(text(fields, 'email'))}">
<label for="body">Comment</label><textarea id="body" name="body" rows="8" maxlength="5000" required>
${escapeHtml(text(fields, 'body'))}</textarea>
<button type="submit">Send again</button>
</form>
<p class="hint">You can also copy your text and keep it until the site is back.</p>
<p><a href="${urls.home()}">Go to the front page</a></p>`,
  })
}
