import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { Article, Comment, Desk, Tag, User } from '@/payload-types'
import { plainTextToLexical } from '@/seed/lexical'

/** What `payload.create` takes for a collection, as generated in payload-types.ts. */
type DataFor<Slug extends CollectionSlug> = RequiredDataFromCollectionSlug<Slug>

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
  overrides: Partial<DataFor<'articles'>> = {},
): DataFor<'articles'> {
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

/** A published article on the seeded technology desk, by the seeded staff byline. */
export async function publishedArticle(
  payload: Payload,
  overrides: Partial<DataFor<'articles'>> = {},
): Promise<Article> {
  const ids = await seededIds(payload)
  return payload.create({ collection: 'articles', data: articleData(ids, overrides) })
}

export function tableData(
  overrides: Partial<DataFor<'comparison-tables'>> = {},
): DataFor<'comparison-tables'> {
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

type DeskFields = Partial<DataFor<'sections'>>
type TopicFields = Partial<DataFor<'tags'>>

/** A desk (collection `sections`) and a topic (`tags`): a unique name, the slug made from it unless given. */
export function deskData(overrides: DeskFields = {}): DataFor<'sections'> {
  return { name: unique('Desk'), ...overrides }
}
export function topicData(overrides: TopicFields = {}): DataFor<'tags'> {
  return { name: unique('Topic'), ...overrides }
}

export function createDesk(payload: Payload, overrides: DeskFields = {}): Promise<Desk> {
  return payload.create({ collection: 'sections', data: deskData(overrides) })
}
export function createTopic(payload: Payload, overrides: TopicFields = {}): Promise<Tag> {
  return payload.create({ collection: 'tags', data: topicData(overrides) })
}

/** The password of every user the factories make. */
export const USER_PASSWORD = 'factory-password-123'

/** A newsroom user with `role`, logging in with a unique email and USER_PASSWORD. */
export function userData(
  role: User['role'],
  overrides: Partial<Omit<DataFor<'users'>, 'password'>> & { password?: string } = {},
): DataFor<'users'> & { email: string; password: string } {
  return {
    email: `${unique(role)}@broadsheet.test`.toLowerCase(),
    password: USER_PASSWORD,
    name: `Test ${role}`,
    role,
    ...overrides,
  }
}

export function createUser(
  payload: Payload,
  role: User['role'],
  overrides: Parameters<typeof userData>[1] = {},
): Promise<User> {
  return payload.create({ collection: 'users', data: userData(role, overrides) })
}

/**
 * A comment stored as it is, around the submission checks (for those, see
 * tests/support/comments.ts): pending unless `status` says otherwise.
 */
export function commentData(
  articleId: number,
  overrides: Partial<DataFor<'comments'>> = {},
): DataFor<'comments'> {
  return {
    article: articleId,
    authorName: 'Reader',
    email: 'reader@example.com',
    body: unique('A comment'),
    status: 'pending',
    ...overrides,
  }
}

export function createComment(
  payload: Payload,
  articleId: number,
  overrides: Partial<DataFor<'comments'>> = {},
): Promise<Comment> {
  return payload.create({ collection: 'comments', data: commentData(articleId, overrides) })
}

export interface LinkSpec {
  text: string
  href: string
  /** `autolink` is what the editor makes of an address typed or pasted as text. */
  type?: 'link' | 'autolink'
}

/** A Lexical text of one paragraph holding `links`, shaped as the admin editor saves them. */
export function lexicalWithLinks(links: LinkSpec[]) {
  const element = { direction: 'ltr', format: '', indent: 0 }
  const text = (value: string) => ({
    type: 'text',
    text: value,
    format: 0,
    style: '',
    mode: 'normal',
    detail: 0,
    version: 1,
  })
  const children = links.flatMap(({ text: words, href, type = 'link' }) => [
    text(' and '),
    {
      ...element,
      type,
      version: type === 'link' ? 3 : 2,
      fields: { linkType: 'custom', url: href, newTab: false },
      children: [text(words)],
    },
  ])
  return {
    root: {
      ...element,
      type: 'root',
      version: 1,
      children: [{ ...element, type: 'paragraph', version: 1, textFormat: 0, children }],
    },
  }
}

/** A paragraph inside `depth` quotes: deeper than the editor allows, as a forged text may be. */
export function nestedQuotes(depth: number) {
  let node: Record<string, unknown> = {
    type: 'paragraph',
    version: 1,
    children: [{ type: 'text', version: 1, text: 'Deepest words', format: 0 }],
  }
  for (let level = 0; level < depth; level += 1) {
    node = { type: 'quote', version: 1, children: [node] }
  }
  return { root: { type: 'root', version: 1, children: [node] } }
}

/** A draft article with a publish scheduled by `user` for `waitUntil` (the queued job and the draft). */
export async function scheduledDraft(payload: Payload, user: User, waitUntil: Date) {
  const draft = await payload.create({
    collection: 'articles',
    data: articleData(await seededIds(payload), { _status: 'draft' }),
    draft: true,
    user,
  })
  const job = await payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      doc: { relationTo: 'articles', value: draft.id },
      user: { relationTo: 'users', value: user.id },
    },
    waitUntil,
  })
  return { draft, job }
}
