import type { Access, CollectionConfig } from 'payload'

import { ROLE_LABELS, ROLES, admins, adminsField, isAdmin, staff } from '@/access/roles'
import { servedOverHttps } from '@/lib/origins'

import { adminsChangeEmails, noEmailVerification } from './hooks/email'
import { firstUserIsAdmin, keepAnAdmin } from './hooks/roles'
import { forgetThrottledAttempts, throttleLogin } from './hooks/throttleLogin'

/** Admins see and change every account; everyone else only their own. */
const adminsOrSelf: Access = ({ req }) => {
  if (isAdmin(req.user)) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}

export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    // No account-wide lock (anyone could lock an editor out with five wrong passwords): attempts
    // are throttled per address and per account+address instead (hooks/throttleLogin.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    // Never sent over plain http once the site is served over https.
    cookies: { secure: process.env.NODE_ENV === 'production' && servedOverHttps, sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
    group: 'Admin',
    hidden: ({ user }) => !isAdmin(user),
  },
  access: {
    read: adminsOrSelf,
    create: admins,
    update: adminsOrSelf,
    delete: admins,
    // Payload's unlock endpoint stays admins' (there is no account lock left to lift).
    unlock: admins,
    admin: staff,
  },
  hooks: {
    beforeOperation: [throttleLogin, adminsChangeEmails],
    beforeChange: [firstUserIsAdmin, keepAnAdmin],
    afterLogin: [forgetThrottledAttempts],
  },
  endpoints: [noEmailVerification],
  fields: [
    // Merged into Payload's own email field: read-only in the admin for everyone but admins
    // (`adminsChangeEmails` answers an API request that tries).
    { name: 'email', type: 'email', access: { update: adminsField } },
    { name: 'name', type: 'text', required: true },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'author',
      options: ROLES.map((value) => ({ label: ROLE_LABELS[value], value })),
      // Only an admin gives or changes a role; nobody promotes themselves.
      access: { create: adminsField, update: adminsField },
      admin: {
        position: 'sidebar',
        description:
          'Admin: everything, and user accounts. Editor: all content, publishing, comments, desks and tags. Author: their own articles as drafts, sent for review.',
      },
      saveToJWT: true,
    },
  ],
  timestamps: true,
}
