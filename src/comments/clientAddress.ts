import { isIP } from 'node:net'

import { hmac } from '@/lib/secrets'

/** The eight groups of an IPv6 address, `::` expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right]
}

/**
 * A salted hash: the same reader matches again, the address itself is never
 * stored. An IPv6 reader is identified by their /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function hashAddress(address: string): string {
  const key =
    isIP(address) === 6 && !address.includes('.')
      ? `${ipv6Groups(address.toLowerCase())
          .slice(0, 4)
          .map((group) => group.replace(/^0+(?=.)/, ''))
          .join(':')}::/64`
      : address
  return hmac('comment-ip', key).slice(0, 32)
}
