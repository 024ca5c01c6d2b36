import crypto, { randomBytes } from 'node:crypto'

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { addressNetwork } from '@/server/clientAddress'

import { createUser, USER_PASSWORD } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

/** An address of its own per call (documentation range), as the app's server would forward it. */
function newAddress(): string {
  const [a, b, c] = [...randomBytes(6)].reduce<number[]>(
    (groups, byte, index) =>
      index % 2 ? [...groups.slice(0, -1), groups.at(-1)! * 256 + byte] : [...groups, byte],
    [],
  )
  return `2001:db8:${a!.toString(16)}:${b!.toString(16)}:${c!.toString(16)}::1`
}

function login(email: string, password: string, address: string) {
  return rest('POST', 'users/login', { email, password }, undefined, {
    'x-forwarded-for': address,
  })
}

/** Status and message, what the person at the login form is told. */
async function answer(response: Response) {
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, message: body.errors?.[0]?.message }
}

let editor: { email: string }
let adminToken: string

beforeAll(async () => {
  const payload = await testPayload()
  editor = await createUser(payload, 'editor')
  const admin = await createUser(payload, 'admin')
  adminToken = await logIn(admin.email)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a login flood', () => {
  it('from one address cannot keep the editor out from another', async () => {
    const attacker = newAddress()
    const flood = []
    for (let attempt = 0; attempt < 12; attempt += 1) {
      flood.push(await login(editor.email, `wrong-guess-${attempt}`, attacker))
    }

    // The editor, at their own desk, logs in…
    const own = await login(editor.email, USER_PASSWORD, newAddress())
    expect(own.status).toBe(200)
    expect(((await own.json()) as { token?: string }).token).toEqual(expect.any(String))

    // …while the flooding address is told to wait, and held back even with the right password.
    const last = flood.at(-1)!
    expect(last.status).toBe(429)
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await answer(last)).message).toMatch(/Too many login attempts.*try again in \d+ minute/)
    expect((await login(editor.email, USER_PASSWORD, attacker)).status).toBe(429)
  })

  it('across many accounts from one address holds that address back on every account', async () => {
    const sprayer = newAddress()
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await login(`nobody-${attempt}-${sprayer}@example.com`, 'guess', sprayer)
    }
    expect((await login(editor.email, USER_PASSWORD, sprayer)).status).toBe(429)
    expect((await login(editor.email, USER_PASSWORD, newAddress())).status).toBe(200)
  })

  it('from the addresses of one IPv6 /64 counts as one address', async () => {
    const network = newAddress().split(':').slice(0, 4).join(':')
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await login(`nobody-${attempt}-${network}@example.com`, 'guess', `${network}::${attempt + 1}`)
    }
    const sameNetwork = await login(editor.email, USER_PASSWORD, `${network}:ffff:ffff:ffff:ffff`)
    expect(sameNetwork.status).toBe(429)
    expect((await login(editor.email, USER_PASSWORD, newAddress())).status).toBe(200)
  })

  it('leaves no row behind once its window is a day gone, even when no login succeeds', async () => {
    const payload = await testPayload()
    const stale = await payload.create({
      collection: 'login-throttles',
      data: {
        kind: 'address',
        email: '',
        address: '192.0.2.77',
        failures: 20,
        windowStart: new Date(Date.now() - 2 * 24 * 3600_000).toISOString(),
      },
    })
    expect((await login(editor.email, 'wrong-guess', newAddress())).status).toBe(401)
    const left = await payload.find({
      collection: 'login-throttles',
      where: { id: { equals: stale.id } },
    })
    expect(left.docs).toHaveLength(0)
  })
})

describe('a wrong password', () => {
  it('is answered the same for a real and an unknown account, attempt after attempt', async () => {
    const payload = await testPayload()
    const real = await createUser(payload, 'author')
    const unknown = `nobody-${Date.now()}@broadsheet.test`
    const [fromReal, fromUnknown] = [newAddress(), newAddress()]
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const forReal = await answer(await login(real.email, 'not-the-password', fromReal))
      const forUnknown = await answer(await login(unknown, 'not-the-password', fromUnknown))
      expect(forUnknown, `attempt ${attempt + 1}`).toEqual(forReal)
    }
  })

  it('costs the same password hash for an unknown account as for a real one', async () => {
    const real = await createUser(await testPayload(), 'editor')
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2')
    await login(real.email, 'not-the-password', newAddress())
    const forReal = pbkdf2.mock.calls.map((call) => call.slice(2, 5))
    pbkdf2.mockClear()
    await login(`nobody-${Date.now()}@broadsheet.test`, 'not-the-password', newAddress())
    const forUnknown = pbkdf2.mock.calls.map((call) => call.slice(2, 5))

    expect(forReal).toEqual([[600_000, 32, 'sha256']])
    expect(forUnknown).toEqual(forReal)
  })

  it('costs at least the full password hash for an account whose hash predates Payload’s current one', async () => {
    const payload = await testPayload()
    const legacy = await createUser(payload, 'author')
    // How Payload hashed passwords before pbkdf2-sha256-v1: 25,000 rounds, a 512-byte key.
    const salt = randomBytes(32).toString('hex')
    const hash = crypto.pbkdf2Sync(USER_PASSWORD, salt, 25_000, 512, 'sha256').toString('hex')
    await payload.db.updateOne({
      collection: 'users',
      id: legacy.id,
      data: { hash, salt },
    })
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2')
    expect((await login(legacy.email, 'not-the-password', newAddress())).status).toBe(401)
    const rounds = pbkdf2.mock.calls.map((call) => call[2])
    expect(rounds).toEqual(expect.arrayContaining([25_000, 600_000]))
  })
})

function forgotPassword(email: string, address: string) {
  return rest('POST', 'users/forgot-password', { email }, undefined, { 'x-forwarded-for': address })
}

describe('a forgot-password request', () => {
  it('is answered the same for a real and an unknown account', async () => {
    const real = await createUser(await testPayload(), 'author')
    const forReal = await answer(await forgotPassword(real.email, newAddress()))
    const forUnknown = await answer(
      await forgotPassword(`nobody-${Date.now()}@broadsheet.test`, newAddress()),
    )
    expect(forReal.status).toBe(200)
    expect(forUnknown).toEqual(forReal)
  })

  it('is held to the per-address limit, so one address cannot probe accounts or fill inboxes', async () => {
    const address = newAddress()
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await forgotPassword(`nobody-${attempt}-${address}@example.com`, address)
      expect(response.status, `request ${attempt + 1}`).toBe(200)
    }
    const over = await forgotPassword(editor.email, address)
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await answer(over)).message).toMatch(/Too many password reset requests/)
    expect((await forgotPassword(editor.email, newAddress())).status).toBe(200)
  })
})

describe('an admin', () => {
  it('sees a held-back login and lifts it; other staff cannot see it', async () => {
    const payload = await testPayload()
    const held = await createUser(payload, 'author')
    const address = newAddress()
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await login(held.email, `wrong-guess-${attempt}`, address)
    }
    expect((await login(held.email, USER_PASSWORD, address)).status).toBe(429)

    const query = `login-throttles?where[email][equals]=${encodeURIComponent(held.email)}`
    const listed = await rest('GET', query, undefined, adminToken)
    expect(listed.status).toBe(200)
    const { docs } = (await listed.json()) as {
      docs: { id: number; kind: string; address: string; failures: number; blockedUntil: string }[]
    }
    expect(docs).toHaveLength(1)
    // An IPv6 client is held back, and listed, by its /64.
    expect(docs[0]).toMatchObject({ kind: 'account', address: addressNetwork(address) })
    expect(docs[0]!.failures).toBeGreaterThanOrEqual(6)
    expect(new Date(docs[0]!.blockedUntil).getTime()).toBeGreaterThan(Date.now())

    const editorToken = await logIn(editor.email)
    expect((await rest('GET', query, undefined, editorToken)).status).toBe(403)
    expect(
      (await rest('DELETE', `login-throttles/${docs[0]!.id}`, undefined, editorToken)).status,
    ).toBe(403)

    expect(
      (await rest('DELETE', `login-throttles/${docs[0]!.id}`, undefined, adminToken)).status,
    ).toBe(200)
    expect((await login(held.email, USER_PASSWORD, address)).status).toBe(200)
  })
})
