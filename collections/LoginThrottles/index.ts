import type { CollectionConfig } from 'payload'

import { admins, isAdmin } from '@/access/roles'
import { ACCOUNT_ATTEMPTS, ADDRESS_ATTEMPTS, WINDOW_MINUTES } from '@/auth/loginThrottle'

/**
 * Login attempts being counted (src/auth/loginThrottle.ts writes them by
 * SQL). Admins see who is held back and lift a limit by deleting its row;
 * nobody edits them.
 */
export const LoginThrottles: CollectionConfig = {
  slug: 'login-throttles',
  labels: { singular: 'Login throttle', plural: 'Login throttles' },
  admin: {
    useAsTitle: 'address',
    defaultColumns: ['kind', 'email', 'address', 'failures', 'blockedUntil', 'updatedAt'],
    group: 'Admin',
    description: `Login attempts per account from one address (at most ${ACCOUNT_ATTEMPTS} in ${WINDOW_MINUTES} minutes) and per address for every account (at most ${ADDRESS_ATTEMPTS}). A login from another address is never held back. Delete a row to lift its limit now.`,
    hidden: ({ user }) => !isAdmin(user),
  },
  access: {
    read: admins,
    delete: admins,
    create: () => false,
    update: () => false,
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { label: 'One account from this address', value: 'account' },
        { label: 'Every account from this address', value: 'address' },
      ],
    },
    {
      name: 'email',
      type: 'text',
      admin: { description: 'The email typed at login (blank for an address row).' },
    },
    { name: 'address', type: 'text', required: true, index: true },
    {
      name: 'failures',
      type: 'number',
      required: true,
      admin: { description: 'Attempts in the current window that did not log in.' },
    },
    { name: 'windowStart', type: 'date', required: true, index: true },
    {
      name: 'blockedUntil',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
  indexes: [{ fields: ['email', 'address'], unique: true }],
  timestamps: true,
}
