import type { FieldHook, RelationshipField } from 'payload'

import { staffField } from '@/access/roles'

/** Set once, from the logged-in user, on create; never taken from the request body. */
const stampCreator: FieldHook = ({ operation, originalDoc, req, value }) => {
  if (operation === 'create')
    return req.user?.collection === 'users' ? req.user.id : (value ?? null)
  return originalDoc?.createdBy ?? null
}

/** Who created the document: what "their own" means for an author's access. */
export const createdByField: RelationshipField = {
  name: 'createdBy',
  label: 'Created by',
  type: 'relationship',
  relationTo: 'users',
  index: true,
  // Readers never learn staff account ids.
  access: { read: staffField },
  admin: { position: 'sidebar', readOnly: true },
  hooks: { beforeChange: [stampCreator] },
}
