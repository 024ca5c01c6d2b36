import { hmac } from '@/lib/secrets'
import { addressNetwork } from '@/server/clientAddress'

/**
 * A salted hash: the same reader matches again, the address itself is never
 * stored. An IPv6 reader is identified by their /64 network (see addressNetwork).
 */
export function hashAddress(address: string): string {
  return hmac('comment-ip', addressNetwork(address)).slice(0, 32)
}
