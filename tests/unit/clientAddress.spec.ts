import { describe, expect, it } from 'vitest'

import {
  clientAddressFrom,
  parseTrustedProxies,
  requestClientAddress,
} from '@/server/clientAddress'

const proxy = parseTrustedProxies('127.0.0.1')

describe('the reader address the server hands to the app', () => {
  it('is the socket address when nobody is trusted, whatever X-Forwarded-For says', () => {
    const nobody = parseTrustedProxies(undefined)
    expect(clientAddressFrom('203.0.113.9', '6.6.6.6', nobody)).toBe('203.0.113.9')
    expect(clientAddressFrom('127.0.0.1', '6.6.6.6', nobody)).toBe('127.0.0.1')
  })

  it('is the socket address of a client that is not the trusted proxy, another loopback one included', () => {
    expect(clientAddressFrom('127.0.0.9', '6.6.6.6', proxy)).toBe('127.0.0.9')
    expect(clientAddressFrom('::ffff:127.0.0.9', '6.6.6.6', proxy)).toBe('127.0.0.9')
  })

  it('is the entry the trusted proxy appended, not those the client wrote before it', () => {
    expect(clientAddressFrom('127.0.0.1', '6.6.6.6, 203.0.113.9', proxy)).toBe('203.0.113.9')
    expect(clientAddressFrom('::ffff:127.0.0.1', ['6.6.6.6', '203.0.113.9'], proxy)).toBe(
      '203.0.113.9',
    )
  })

  it('walks through every trusted hop, right to left, as Express does', () => {
    const chain = parseTrustedProxies('127.0.0.1, 10.0.0.0/8')
    expect(clientAddressFrom('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.1.2.3', chain)).toBe(
      '198.51.100.4',
    )
    // Every hop trusted: the leftmost is the furthest the chain can see.
    expect(clientAddressFrom('127.0.0.1', '10.9.9.9, 10.1.2.3', chain)).toBe('10.9.9.9')
  })

  it('stops at the trusted hop when the entry it appended is not an address', () => {
    expect(clientAddressFrom('127.0.0.1', '203.0.113.9, not-an-address', proxy)).toBe('127.0.0.1')
    expect(clientAddressFrom('127.0.0.1', undefined, proxy)).toBe('127.0.0.1')
  })

  it('is the entry a trusted hop wrote with a port, without the port', () => {
    const chain = parseTrustedProxies('127.0.0.1, 10.0.0.0/8')
    expect(clientAddressFrom('127.0.0.1', '203.0.113.5:4711', proxy)).toBe('203.0.113.5')
    expect(clientAddressFrom('127.0.0.1', '[2001:db8::1]:443', proxy)).toBe('2001:db8::1')
    expect(clientAddressFrom('127.0.0.1', '198.51.100.4:80, 10.1.2.3:8080', chain)).toBe(
      '198.51.100.4',
    )
    // Only those two forms: anything looser still stops the walk at the proxy.
    expect(clientAddressFrom('127.0.0.1', '2001:db8::1:443', proxy)).toBe('2001:db8::1:443')
    expect(clientAddressFrom('127.0.0.1', '203.0.113.5:http', proxy)).toBe('127.0.0.1')
    expect(clientAddressFrom('127.0.0.1', '[2001:db8::1]x:443', proxy)).toBe('127.0.0.1')
  })

  it('is "unknown" without a socket address', () => {
    expect(clientAddressFrom(undefined, '6.6.6.6', proxy)).toBe('unknown')
  })

  it('trusts IPv6 proxies and ranges by CIDR, nothing outside them', () => {
    const v6 = parseTrustedProxies('fd00::/64')
    expect(clientAddressFrom('fd00::5', '2001:db8::1', v6)).toBe('2001:db8::1')
    expect(clientAddressFrom('fd00:0:0:1::5', '2001:db8::1', v6)).toBe('fd00:0:0:1::5')
  })
})

describe('the address the app reads', () => {
  it('is the X-Forwarded-For entry the server wrote (its last)', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })
    expect(requestClientAddress(headers)).toBe('203.0.113.9')
    expect(requestClientAddress(new Headers({ 'x-forwarded-for': '::ffff:198.51.100.4' }))).toBe(
      '198.51.100.4',
    )
    expect(requestClientAddress(new Headers({ 'x-forwarded-for': 'not-an-address' }))).toBe(
      'unknown',
    )
  })
})

describe('TRUSTED_PROXIES', () => {
  it('refuses an entry that is not an address or CIDR, naming it', () => {
    expect(() => parseTrustedProxies('127.0.0.1, localhost')).toThrow(/"localhost"/)
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/)
    expect(() => parseTrustedProxies('10.0.0.0/8/8')).toThrow(/not an IP address or CIDR/)
  })
})
