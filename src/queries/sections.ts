import { unstable_cache } from 'next/cache'

import type { Section } from '@/payload-types'

import { payloadClient } from './payload'
import { tags } from './tags'

export type SectionLink = Pick<Section, 'id' | 'name' | 'slug' | 'description'>

/** Every desk, for navigation and the home page. */
export const getSections = unstable_cache(
  async (): Promise<SectionLink[]> => {
    const payload = await payloadClient()
    const result = await payload.find({
      collection: 'sections',
      select: { name: true, slug: true, description: true },
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
