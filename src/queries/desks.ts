import { unstable_cache } from 'next/cache'

import type { Desk } from '@/payload-types'

import { payloadClient } from './payload'
import { cacheTags } from './tags'

export type DeskLink = Pick<Desk, 'id' | 'name' | 'slug' | 'description' | 'parent'>

/** Every desk, for navigation and the home page. */
export const getDesks = unstable_cache(
  async (): Promise<DeskLink[]> => {
    const payload = await payloadClient()
    const result = await payload.find({
      collection: 'sections',
      select: { name: true, slug: true, description: true, parent: true },
      sort: 'name',
      depth: 0,
      limit: 100,
      pagination: false,
      overrideAccess: false,
    })
    return result.docs
  },
  ['sections'],
  { tags: [cacheTags.desks()] },
)

export async function getDeskBySlug(slug: string): Promise<DeskLink | null> {
  const sections = await getDesks()
  return sections.find((section) => section.slug === slug) ?? null
}

/** A desk and every desk nested under it, at any depth. */
export async function getDeskFamily(id: number): Promise<number[]> {
  const sections = await getDesks()
  const family = new Set([id])
  for (let grew = true; grew;) {
    grew = false
    for (const section of sections) {
      const parent = typeof section.parent === 'object' ? section.parent?.id : section.parent
      if (parent != null && family.has(parent) && !family.has(section.id)) {
        family.add(section.id)
        grew = true
      }
    }
  }
  return [...family]
}
