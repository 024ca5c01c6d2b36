/** Addresses a reader's browser would run, or follow off the site: the URL policy refuses each. */
export const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  '//evil.example',
  '/\\evil.example',
  'javascript&colon;alert(1)',
]

/** Whether a rendered href is one of those (as the browser resolves it: //host and /\host alike). */
export function isHostileHref(href: string): boolean {
  return /^(javascript|vbscript|data):|^[/\\]{2}|&colon;|\t/i.test(href)
}
