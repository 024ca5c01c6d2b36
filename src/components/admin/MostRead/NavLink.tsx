import type { ServerProps } from 'payload'

import { isEditor } from '@/access/roles'

/** The admin nav's link to the "Most read" report, for editors only. */
export function MostReadNavLink({ user }: ServerProps) {
  if (!isEditor(user)) return null
  return (
    <a className="nav__link" href="/admin/most-read" id="nav-most-read">
      <span className="nav__link-label">Most read</span>
    </a>
  )
}
