/**
 * The one URL policy for everything an author can point a reader at (links,
 * autolinks, any node or field that carries a URL): web, mail and phone
 * addresses, and paths or #anchors on this site. Everything else — `javascript:`,
 * `data:`, `vbscript:`, protocol-relative `//host`, `/\host` (browsers read it as
 * `//host`), paths that resolve to `//host` (`/.//host`), backslashes, control characters or spaces hidden in a scheme
 * (`java\tscript:`), HTML entities — is refused at save time and never rendered.
 */
export type HrefCheck = { ok: true; href: string } | { ok: false; reason: string }

const SCHEMES = ['http:', 'https:', 'mailto:', 'tel:']

export const HREF_RULE =
  'Links may go to https://, http://, mailto: or tel: addresses, or to a page on this site (/path or #anchor).'

// Control characters (a browser drops tabs and newlines inside a scheme) and any
// whitespace other than the plain spaces around the address.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\s\u200b-\u200f\u2028\u2029\ufeff]/
const ENTITY = /&(#x?[0-9a-f]+;?|[a-z][a-z0-9]*;)/i

export function checkHref(href: unknown): HrefCheck {
  if (typeof href !== 'string') return { ok: false, reason: 'it is not an address' }
  const value = href.replace(/^ +| +$/g, '')
  if (!value) return { ok: false, reason: 'it is empty' }
  if (HIDDEN.test(value)) return { ok: false, reason: 'it contains spaces or control characters' }
  if (value.includes('\\')) return { ok: false, reason: 'it contains a backslash' }
  if (ENTITY.test(value)) return { ok: false, reason: 'it contains an HTML entity' }
  if (value.startsWith('#')) return { ok: true, href: value }
  if (value.startsWith('//')) {
    return { ok: false, reason: 'an address starting with // leaves the site for any host' }
  }
  if (value.startsWith('/')) {
    // `/.//host` resolves to the path `//host`, which a redirect or a later join reads as a host.
    if (new URL(value, 'http://site.invalid').pathname.startsWith('//')) {
      return { ok: false, reason: 'its path resolves to //, which leaves the site for any host' }
    }
    return { ok: true, href: value }
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, reason: 'it is neither a full address nor a path on this site' }
  }
  if (!SCHEMES.includes(url.protocol)) {
    return { ok: false, reason: `${url.protocol} addresses are not allowed` }
  }
  return { ok: true, href: url.toString() }
}

/** The address to render, or null: the link then renders as its plain text. */
export function safeHref(href: unknown): string | null {
  const check = checkHref(href)
  return check.ok ? check.href : null
}
