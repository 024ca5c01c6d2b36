import { afterEach, describe, expect, it, vi } from 'vitest'

/** The login cookie as Payload is told to set it, for a site served at `publicUrl` in production. */
async function loginCookieFor(publicUrl: string) {
  vi.resetModules()
  vi.stubEnv('NODE_ENV', 'production')
  vi.stubEnv('NEXT_PUBLIC_SERVER_URL', publicUrl)
  vi.stubEnv('PAYLOAD_SECRET', 'a-production-secret-of-enough-length-0123456789')
  const { Users } = await import('@/collections/Users')
  return typeof Users.auth === 'object' ? Users.auth.cookies : undefined
}

describe('the login cookie in production', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it('is Secure when the site is served over https', async () => {
    expect(await loginCookieFor('https://news.example')).toMatchObject({
      secure: true,
      sameSite: 'Lax',
    })
  })

  it('is not marked Secure on a plain-http site, where browsers would drop it', async () => {
    expect(await loginCookieFor('http://127.0.0.1:3000')).toMatchObject({ secure: false })
  })
})
