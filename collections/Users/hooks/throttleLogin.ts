import type {
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { countLoginAttempt, forgetLoginAttempts } from '@/auth/loginThrottle'
import { checkPasswordOfNobody, hasCurrentPasswordHash } from '@/auth/unknownAccount'
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
 * Counts an attempt for `email` from the request's address and refuses it
 * (429, Retry-After) when the address or account+address is over its limit.
 * Login and forgot-password share the counts: both are guesses at an account.
 */
async function refuseOverLimit(req: PayloadRequest, email: string, attempts: string) {
  const wait = await countLoginAttempt(req.payload, email, throttledAddress(req))
  if (wait === null) return
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('retry-after', String(wait))
  const minutes = Math.max(1, Math.ceil(wait / 60))
  throw new UserFacingError(
    `Too many ${attempts} from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an admin to lift the limit (Admin → Login throttles). Logins from elsewhere are not affected.`,
    429,
  )
}

/**
 * Before Payload checks a password: refuse an address or account+address over
 * its limit, and for an unknown account spend the time a real password check
 * takes. The answer and the time are then the same whether or not the
 * account exists. A forgot-password request is held to the same limits, so
 * one address can neither probe accounts nor fill a colleague's inbox.
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'login' && operation !== 'forgotPassword') || !overHttp(req)) return args
  const email = emailOf(args.data)
  // Payload answers a missing email with its own 400.
  if (!email) return args
  if (operation === 'forgotPassword') {
    await refuseOverLimit(req, email, 'password reset requests')
    return args
  }
  const password = (args.data as { password?: unknown } | undefined)?.password
  if (typeof password !== 'string' || !password) return args

  await refuseOverLimit(req, email, 'login attempts')
  const account = await req.payload.db.findOne({
    collection: 'users',
    req,
    where: { email: { equals: email } },
  })
  // An account with a legacy hash is also given the full cost (see hasCurrentPasswordHash).
  if (!account || !hasCurrentPasswordHash(account)) await checkPasswordOfNobody(password)
  return args
}

/** A successful login forgets its failed attempts. */
export const forgetThrottledAttempts: CollectionAfterLoginHook = async ({ req, user }) => {
  if (!overHttp(req) || typeof user.email !== 'string') return
  await forgetLoginAttempts(req.payload, user.email.toLowerCase(), throttledAddress(req))
}
