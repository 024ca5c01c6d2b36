import type { CollectionBeforeOperationHook, Endpoint } from 'payload'

import { isAdmin } from '@/access/roles'
import { UserFacingError } from '@/lib/errors'

/**
 * Only an admin changes an account's email. Checked before anything looks
 * the new address up: letting anyone else try would answer "Value must be
 * unique" for a colleague's address and so confirm that the account exists.
 */
export const adminsChangeEmails: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (operation !== 'update' || isAdmin(req.user) || typeof email !== 'string') return args
  const current = (req.user as { email?: string } | null)?.email
  if (current && email.trim().toLowerCase() === current.toLowerCase()) return args
  throw new UserFacingError(
    'Only an admin can change an account’s email address: ask an admin to change it for you.',
    403,
  )
}

/**
 * Accounts are made by admins, ready to use: there is no email verification.
 * Payload still routes POST /api/users/verify/:token, and without the
 * verification column it failed with a database error (500).
 */
export const noEmailVerification: Endpoint = {
  path: '/verify/:token',
  method: 'post',
  handler: () =>
    Response.json(
      {
        errors: [
          {
            message:
              'This site does not verify email addresses: an admin creates accounts ready to use.',
          },
        ],
      },
      { status: 400 },
    ),
}
