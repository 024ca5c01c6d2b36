/**
 * Only web, mail and phone links and in-site paths render as links; anything
 * else (`javascript:`, `data:`…) renders as plain text.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const value = href.trim()
  if (value.startsWith('#') || (value.startsWith('/') && !value.startsWith('//'))) return value
  try {
    const url = new URL(value)
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.toString() : null
  } catch {
    return null
  }
}
