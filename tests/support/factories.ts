import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { plainTextToLexical } from '@/seed/lexical'

let counter = 0
/** A unique suffix so tests sharing one database never collide. */
export function unique(label: string): string {
  counter += 1
  return `${label}-${Date.now().toString(36)}-${counter}`
}

export async function seededIds(payload: Payload) {
  const [section, author] = await Promise.all([
    payload.find({ collection: 'sections', where: { slug: { equals: 'technology' } }, limit: 1 }),
    payload.find({ collection: 'authors', where: { slug: { equals: 'archyde-staff' } }, limit: 1 }),
  ])
  return { deskId: section.docs[0]!.id, authorId: author.docs[0]!.id }
}

export function articleData(
  ids: { deskId: number; authorId: number },
  overrides: Partial<RequiredDataFromCollectionSlug<'articles'>> = {},
): RequiredDataFromCollectionSlug<'articles'> {
  const headline = overrides.headline ?? `Test story ${unique('h')}`
  return {
    headline,
    dek: 'A short summary for the test.',
    section: ids.deskId,
    authors: [ids.authorId],
    body: [{ heading: 'First section', content: plainTextToLexical('Body text.') }],
    _status: 'published',
    ...overrides,
  }
}

export function tableData(
  overrides: Partial<RequiredDataFromCollectionSlug<'comparison-tables'>> = {},
): RequiredDataFromCollectionSlug<'comparison-tables'> {
  return {
    title: `Table ${unique('t')}`,
    columns: [
      { label: 'Metric', type: 'text' },
      { label: 'Value', type: 'number' },
    ],
    rows: [{ cells: [{ value: 'Speed' }, { value: '42' }] }],
    sourceNote: 'Test data',
    ...overrides,
  }
}
