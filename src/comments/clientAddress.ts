import { isIP } from 'node:net'

import { hmac } from './secrets'

/**
 * The reader's address as the server saw it. Next.js puts the socket address
 * in X-Forwarded-For when the request has none; a reverse proxy appends the
 * address it received from. The last entry is therefore the one a trusted hop
 * wrote. (A server exposed without a proxy cannot tell a forged header from
 * its own: run it behind one.)
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for') ?? ''
  const last =
    forwarded
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  const address = last.replace(/^::ffff:/, '')
  return isIP(address) ? address : 'unknown'
}

/** A salted hash: the same reader matches again, the address itself is never stored. */
export function hashAddress(address: string): string {
  return hmac('comment-ip', address).slice(0, 32)
}
