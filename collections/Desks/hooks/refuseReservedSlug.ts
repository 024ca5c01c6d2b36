import type { CollectionBeforeValidateHook } from 'payload'

import { UserFacingError } from '@/lib/errors'
import { slugify } from '@/lib/slugify'

/** First path segments the site uses itself; a desk there would be unreachable. */
export const RESERVED_SLUGS = [
  'admin',
  'api',
  'authors',
  'feed',
  'feeds',
  'next',
  'og',
  'search',
  'sitemaps',
  'tags',
]

export const refuseReservedSlug: CollectionBeforeValidateHook = ({ data, operation }) => {
  // On create the slug may still be derived from the name.
  const derived = operation === 'create' ? slugify(String(data?.name ?? '')) : ''
  const slug = typeof data?.slug === 'string' && data.slug ? data.slug : derived
  if (RESERVED_SLUGS.includes(slug)) {
    throw new UserFacingError(
      `slug: "${slug}" is used by the site itself (${RESERVED_SLUGS.map((s) => `/${s}`).join(', ')}); choose another slug for this desk.`,
      400,
    )
  }
  return data
}
