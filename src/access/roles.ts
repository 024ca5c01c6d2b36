import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

/**
 * The newsroom's roles, from most to least trusted:
 * - admin: everything, and manages user accounts and roles;
 * - editor: all content; publishes, schedules, moderates comments, manages
 *   sections, tags, bylines and redirects;
 * - author: writes and edits their own articles as drafts and submits them
 *   for review; adds images, tables and FAQs; cannot publish or unpublish,
 *   delete others' work or change anyone's role.
 */
export const ROLES = ['admin', 'editor', 'author'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  author: 'Author',
}

type MaybeUser = { collection?: string; id?: number | string; role?: unknown } | null | undefined

export function roleOf(user: MaybeUser): Role | null {
  if (!user || user.collection !== 'users') return null
  return ROLES.includes(user.role as Role) ? (user.role as Role) : null
}

export const isAdmin = (user: MaybeUser) => roleOf(user) === 'admin'
/** Editors and admins: whoever may publish and manage shared content. */
export const isEditor = (user: MaybeUser) => roleOf(user) === 'admin' || roleOf(user) === 'editor'
/** Anyone with a newsroom role. */
export const isStaff = (user: MaybeUser) => roleOf(user) !== null

type Args = { req: PayloadRequest }

export const admins = ({ req }: Args): boolean => isAdmin(req.user)
export const editors = ({ req }: Args): boolean => isEditor(req.user)
export const staff = ({ req }: Args): boolean => isStaff(req.user)

export const adminsField: FieldAccess = ({ req }) => isAdmin(req.user)
export const editorsField: FieldAccess = ({ req }) => isEditor(req.user)
export const staffField: FieldAccess = ({ req }) => isStaff(req.user)

/** Who created a document (the `createdBy` field), as a query. */
export function ownedBy(user: MaybeUser): Where {
  return { createdBy: { equals: user?.id ?? -1 } }
}

/** Editors change anything; authors only what they created. */
export const editorsOrOwner: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (isStaff(req.user)) return ownedBy(req.user)
  return false
}
