import type { PayloadRequest, Where } from 'payload'

import { isStaff } from '@/access/roles'

/**
 * Whether the logged-in person may edit article `id` (the collection's own update rule, as the
 * admin applies it): 'edit'; 'read' when they can see it but not change it; 'none' when it does
 * not exist for them (so an id tells nobody about a draft they cannot read).
 */
export async function articleAccess(
  req: PayloadRequest,
  id: number,
): Promise<'edit' | 'read' | 'none'> {
  if (!isStaff(req.user)) return 'none'
  const { access } = req.payload.collections.articles.config
  const allows = async (rule: typeof access.update): Promise<boolean> => {
    const result = await rule({ req, id })
    if (result === false) return false
    const where: Where[] = [{ id: { equals: id } }]
    if (typeof result === 'object') where.push(result)
    const { totalDocs } = await req.payload.count({
      collection: 'articles',
      where: { and: where },
      overrideAccess: true,
      req,
    })
    return totalDocs > 0
  }
  if (await allows(access.update)) return 'edit'
  return (await allows(access.read)) ? 'read' : 'none'
}
