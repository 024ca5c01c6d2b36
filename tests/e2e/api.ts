import { type APIRequestContext, expect } from '@playwright/test'

import type { Article, User } from '@/payload-types'
import { plainTextToLexical } from '@/seed/lexical'

import { EDITOR } from './globalSetup'

/** A section with a line of text (the publish checklist refuses empty sections). */
export function section(heading: string, text = 'A paragraph of reporting.') {
  return { heading, content: plainTextToLexical(text) }
}

/**
 * What a browser adds to the admin's own requests. A test that sends the login cookie from the
 * page's request context sends this too: Payload counts the cookie only on requests a browser marks
 * as the site's own (its csrf check, payload.config.ts).
 */
export const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' }

export interface Login {
  email: string
  password: string
}

/** REST headers of a user, from logging in with `login`. */
export async function headersOf(
  request: APIRequestContext,
  login: Login,
): Promise<Record<string, string>> {
  const response = await request.post('/api/users/login', { data: login })
  expect(response.ok(), `log in as ${login.email}`).toBe(true)
  return { Authorization: `JWT ${(await response.json()).token}` }
}

/** REST headers of the seeded editor. */
export function editorHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  return headersOf(request, EDITOR)
}

/**
 * A user of the test's own with `role`, created through REST as the editor; returns their login.
 * Their name is `name` when given (as the admin shows it to colleagues), else made from `label`.
 */
export async function createUser(
  request: APIRequestContext,
  role: User['role'],
  label: string = role,
  name?: string,
): Promise<Login> {
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`
  const login = { email: `${label}-${stamp}@broadsheet.test`, password: `${role}-password-123` }
  const response = await request.post('/api/users', {
    headers: await editorHeaders(request),
    data: { ...login, name: name ?? `${label} ${stamp}`, role },
  })
  expect(response.ok(), `create ${login.email}`).toBe(true)
  return login
}

/**
 * An article as stored (depth 0), read through REST with `headers`: by id or by
 * slug, its latest draft when `draft` is set. Undefined when there is none.
 */
export async function storedArticle(
  request: APIRequestContext,
  headers: Record<string, string>,
  by: { id: number } | { slug: string },
  { draft = false }: { draft?: boolean } = {},
): Promise<Article | undefined> {
  const query = `depth=0${draft ? '&draft=true' : ''}`
  if ('id' in by) {
    const response = await request.get(`/api/articles/${by.id}?${query}`, { headers })
    return response.ok() ? ((await response.json()) as Article) : undefined
  }
  const response = await request.get(`/api/articles?where[slug][equals]=${by.slug}&${query}`, {
    headers,
  })
  expect(response.ok(), `find the article ${by.slug}`).toBe(true)
  return ((await response.json()) as { docs: Article[] }).docs[0]
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

/** What the admin's Publish → Schedule does: a schedulePublish job, due at `at`, run as the editor. */
export async function schedule(
  request: APIRequestContext,
  headers: Record<string, string>,
  articleId: number,
  at: Date,
) {
  const me = await (await request.get('/api/users/me', { headers })).json()
  const response = await request.post('/api/payload-jobs', {
    headers,
    data: {
      taskSlug: 'schedulePublish',
      queue: 'default',
      waitUntil: at.toISOString(),
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: articleId },
        user: { relationTo: 'users', value: me.user.id },
      },
    },
  })
  expect(response.ok(), await response.text()).toBe(true)
  return (await response.json()).doc.id as number
}
