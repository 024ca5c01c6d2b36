import type {
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { countLoginAttempt, forgetLoginAttempts } from '@/auth/loginThrottle'
import { checkPasswordOfNobody } from '@/auth/unknownAccount'
import { UserFacingError } from '@/lib/errors'
import { addressNetwork, requestClientAddress } from '@/server/clientAddress'

/** Logins over HTTP (the admin, REST, GraphQL); the Local API is the server itself. */
function overHttp(req: PayloadRequest): boolean {
  return req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'
}

/** The address a login is counted under: an IPv6 client's whole /64 is one address. */
function throttledAddress(req: PayloadRequest): string {
  return addressNetwork(requestClientAddress(req.headers))
}

function emailOf(data: unknown): string | null {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' && email.trim() ? email.toLowerCase().trim().slice(0, 320) : null
}

/**
 * Before Payload checks a password: refuse (429, Retry-After) an address or
 * account+address over its limit, and for an unknown account spend the time a
 * real password check takes. The answer and the time are then the same
 * whether or not the account exists.
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || !overHttp(req)) return args
  const email = emailOf(args.data)
  const password = (args.data as { password?: unknown } | undefined)?.password
  // Payload answers a missing email or password with its own 400.
  if (!email || typeof password !== 'string' || !password) return args

  const address = throttledAddress(req)
  const wait = await countLoginAttempt(req.payload, email, address)
  if (wait !== null) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('retry-after', String(wait))
    const minutes = Math.max(1, Math.ceil(wait / 60))
    throw new UserFacingError(
      `Too many login attempts from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an admin to lift the limit (Admin → Login throttles). Logins from elsewhere are not affected.`,
      429,
    )
  }

  const account = await req.payload.db.findOne({
    collection: 'users',
    req,
    where: { email: { equals: email } },
  })
  if (!account) await checkPasswordOfNobody(password)
  return args
}

/** A successful login forgets its failed attempts. */
export const forgetThrottledAttempts: CollectionAfterLoginHook = async ({ req, user }) => {
  if (!overHttp(req) || typeof user.email !== 'string') return
  await forgetLoginAttempts(req.payload, user.email.toLowerCase(), throttledAddress(req))
}
