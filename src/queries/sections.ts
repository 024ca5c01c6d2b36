import { unstable_cache } from 'next/cache'

import type { Section } from '@/payload-types'

import { payloadClient } from './payload'
import { tags } from './tags'

export type SectionLink = Pick<Section, 'id' | 'name' | 'slug' | 'description' | 'parent'>

/** Every desk, for navigation and the home page. */
export const getSections = unstable_cache(
  async (): Promise<SectionLink[]> => {
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
  { tags: [tags.sections()] },
)

export async function getSectionBySlug(slug: string): Promise<SectionLink | null> {
  const sections = await getSections()
  return sections.find((section) => section.slug === slug) ?? null
}

/** A desk and every desk nested under it, at any depth. */
export async function getSectionFamily(id: number): Promise<number[]> {
  const sections = await getSections()
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
