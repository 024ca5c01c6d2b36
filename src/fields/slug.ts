import type { FieldHook, TextField } from 'payload'

import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from '@/lib/slugify'

/**
 * A unique slug derived from `sourceField` when the editor leaves it empty.
 * An editor-typed slug that clashes is refused by the unique index with a
 * message on the field; a derived one is given the next free `-2`, `-3`…
 */
export function slugField(sourceField: string, overrides: Partial<TextField> = {}): TextField {
  const deriveSlug: FieldHook = async ({
    value,
    data,
    originalDoc,
    collection,
    req,
    operation,
  }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    if (operation === 'update' && originalDoc?.slug) return originalDoc.slug
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    if (typeof source !== 'string' || !source.trim() || !collection) return value
    const base = slugify(source)
    const taken = await req.payload.find({
      collection: collection.slug as 'articles',
      where: { slug: { like: base } },
      select: { slug: true },
      limit: 1000,
      depth: 0,
      pagination: false,
      draft: true,
      overrideAccess: true,
      req,
    })
    const used = new Set(taken.docs.map((doc) => (doc as { slug?: string }).slug))
    if (!used.has(base)) return base
    for (let n = 2; ; n += 1) {
      const candidate = `${base}-${n}`
      if (!used.has(candidate)) return candidate
    }
  }

  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    maxLength: SLUG_MAX_LENGTH,
    admin: {
      position: 'sidebar',
      description: `The last part of the URL. Left empty, it is made from the ${sourceField}.`,
    },
    hooks: { beforeValidate: [deriveSlug] },
    // Not `required`: an untitled draft has no slug yet; the hook fills it from the title.
    validate: (value: unknown, { data }: { data: Record<string, unknown> }) => {
      if (typeof value !== 'string' || value === '') {
        return data?._status === 'draft' ? true : `Add a ${sourceField} or a slug.`
      }
      return SLUG_PATTERN.test(value)
        ? true
        : 'Use lower-case letters, digits and single hyphens only (for example "ai-chips-2025").'
    },
    ...overrides,
  } as TextField
}
