import { BlockList, isIP } from 'node:net'

/** The proxies whose X-Forwarded-For entries the server believes. */
export interface TrustedProxies {
  has: (address: string) => boolean
  /** As configured, for the startup log. */
  entries: string[]
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is `192.0.2.1`. */
function normalize(address: string): string {
  const trimmed = address.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1]! : trimmed
}

/**
 * An X-Forwarded-For entry without the port some proxies write after it:
 * `203.0.113.5:4711` and `[2001:db8::1]:443`, nothing looser.
 */
function forwardedAddress(entry: string): string {
  const trimmed = entry.trim()
  const withPort =
    /^(\d+\.\d+\.\d+\.\d+):\d{1,5}$/.exec(trimmed) ?? /^\[([^\]]+)\]:\d{1,5}$/.exec(trimmed)
  return normalize(withPort ? withPort[1]! : trimmed)
}

function family(address: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(address)
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null
}

/**
 * `TRUSTED_PROXIES`: comma-separated addresses or CIDRs (`127.0.0.1`,
 * `10.0.0.0/8`, `fd00::/8`). Empty or unset trusts nobody: every reader is
 * the socket's address. Throws, naming the entry, on anything else.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList()
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/')
    const kind = family(normalize(address))
    const bits = prefix === undefined ? null : Number(prefix)
    const maxBits = kind === 'ipv4' ? 32 : 128
    if (
      !kind ||
      extra !== undefined ||
      (bits !== null && (!/^\d+$/.test(prefix!) || bits > maxBits))
    ) {
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR; list the proxy addresses that connect to the app, e.g. TRUSTED_PROXIES=127.0.0.1 or 10.0.0.0/24`,
      )
    }
    if (bits === null) list.addAddress(normalize(address), kind)
    else list.addSubnet(normalize(address), bits, kind)
  }
  return {
    entries,
    has: (address) => {
      const kind = family(address)
      return kind !== null && list.check(address, kind)
    },
  }
}

/**
 * The reader's address, as Express's `trust proxy` finds it: the socket's
 * peer, unless that peer is a trusted proxy — then the entry it appended to
 * X-Forwarded-For, and so on leftwards while the hops are trusted. Entries
 * left of the first untrusted hop were written by the client and are ignored.
 * A port after an entry is dropped; any other malformed entry written by a
 * trusted hop stops the walk at that hop.
 */
export function clientAddressFrom(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normalize(socketAddress ?? '')
  if (!family(client)) return 'unknown'
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(forwardedAddress)
    .filter(Boolean)
  while (trusted.has(client) && hops.length > 0) {
    const next = hops.pop()!
    if (!family(next)) break
    client = next
  }
  return client
}

/** True when the socket's peer is one of the trusted proxies (whose headers are believed). */
export function isTrustedPeer(socketAddress: string | undefined, trusted: TrustedProxies): boolean {
  return trusted.has(normalize(socketAddress ?? ''))
}

/**
 * The client address of a request inside the app (route handlers, the
 * middleware, Payload hooks). src/server/main.ts has replaced X-Forwarded-For
 * with the one address clientAddressFrom resolved, so whatever a client sent
 * itself never reaches this point; only the last entry is read, in case
 * something between the server and the app appended one.
 */
export function requestClientAddress(headers: Headers): string {
  const last =
    (headers.get('x-forwarded-for') ?? '').split(',').map(normalize).filter(Boolean).at(-1) ?? ''
  return family(last) ? last : 'unknown'
}

/** The eight groups of an IPv6 address, `::` expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right]
}

/**
 * Who a client is, for flood control and login throttling: an IPv4 address
 * itself, an IPv6 address's /64 network (`2001:db8:1:2::/64`), since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function addressNetwork(address: string): string {
  if (isIP(address) !== 6 || address.includes('.')) return address
  const groups = ipv6Groups(address.toLowerCase()).slice(0, 4)
  return `${groups.map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`
}
