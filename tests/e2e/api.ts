import { type APIRequestContext, expect } from '@playwright/test'

import { plainTextToLexical } from '@/seed/lexical'

import { EDITOR } from './globalSetup'

/** A section with a line of text (the publish checklist refuses empty sections). */
export function section(heading: string, text = 'A paragraph of reporting.') {
  return { heading, content: plainTextToLexical(text) }
}

/** REST headers of the seeded editor. */
export async function editorHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const response = await request.post('/api/users/login', { data: EDITOR })
  expect(response.ok()).toBe(true)
  return { Authorization: `JWT ${(await response.json()).token}` }
}

/**
 * An article of the test's own, created through REST as the editor: published
 * unless `fields._status` says 'draft'. Returns its id, slug and public path.
 */
export async function createArticle(
  request: APIRequestContext,
  headers: Record<string, string>,
  fields: Record<string, unknown> & { headline: string },
  desk = 'world',
): Promise<{ articleId: number; slug: string; path: string }> {
  const sections = await (
    await request.get(`/api/sections?where[slug][equals]=${desk}`, { headers })
  ).json()
  const authors = await (await request.get('/api/authors?limit=1', { headers })).json()
  const draft = fields._status === 'draft'
  const response = await request.post(`/api/articles${draft ? '?draft=true' : ''}`, {
    headers,
    data: {
      dek: 'A short summary for the test.',
      section: sections.docs[0].id,
      authors: [authors.docs[0].id],
      body: [section('Only section')],
      _status: 'published',
      ...fields,
    },
  })
  expect(response.ok(), `create ${fields.headline}`).toBe(true)
  const { doc } = await response.json()
  return { articleId: doc.id, slug: doc.slug, path: `/${desk}/${doc.slug}` }
}
