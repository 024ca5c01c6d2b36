import { type Payload, ValidationError } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'

import { checkArticle } from '@/checklist/gate'
import { RichText } from '@/components/RichText'
import type { User } from '@/payload-types'
import { plainTextToLexical } from '@/seed/lexical'

import {
  articleData,
  createUser,
  lexicalWithLinks,
  type LinkSpec,
  nestedQuotes,
  seededIds,
  unique,
} from '../support/factories'
import { HOSTILE_HREFS } from '../support/hostileLinks'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'

const HOSTILE = HOSTILE_HREFS
const hostileLinks: LinkSpec[] = HOSTILE.flatMap((href, index) => [
  { text: `link ${index}`, href },
  { text: href, href, type: 'autolink' },
])

let ids: { deskId: number; authorId: number }
let author: User
let token: string

beforeAll(async () => {
  const payload = await testPayload()
  ids = await seededIds(payload)
  author = await createUser(payload, 'author')
  token = await logIn(author.email)
})

const draftWith = (content: unknown) =>
  articleData(ids, {
    _status: 'draft',
    slug: unique('links'),
    body: [{ heading: 'What happened', content: content as never }],
  })

describe('links and autolinks in an article', () => {
  it.each(HOSTILE)(
    'an author’s draft linking to %j is refused with a 400 naming it',
    async (href) => {
      for (const type of ['link', 'autolink'] as const) {
        const response = await rest(
          'POST',
          'articles?draft=true',
          draftWith(lexicalWithLinks([{ text: 'read this', href, type }])),
          token,
        )
        expect(response.status, `${type} ${href}`).toBe(400)
        const { errors } = (await response.json()) as {
          errors: { data?: { errors?: { message: string }[] } }[]
        }
        const message = errors[0]?.data?.errors?.[0]?.message ?? ''
        expect(message).toContain('read this')
        expect(message).toContain(href.slice(0, 20))
      }
    },
  )

  it('an author’s draft with web, mail and in-site links saves (Local API, access enforced)', async () => {
    const payload = await testPayload()
    const draft = await payload.create({
      collection: 'articles',
      data: draftWith(
        lexicalWithLinks([
          { text: 'NIST', href: 'https://nist.gov' },
          {
            text: 'https://example.org/report',
            href: 'https://example.org/report',
            type: 'autolink',
          },
          { text: 'the desk', href: 'mailto:desk@example.com' },
          { text: 'another story', href: '/technology/other-story' },
          { text: 'comments', href: '#comments' },
        ]),
      ),
      draft: true,
      user: author,
      overrideAccess: false,
    })
    expect(draft._status).toBe('draft')
  })

  it('no rendering of a hostile text (reader page, preview, FAQ answers) carries a refused address', () => {
    const html = renderToStaticMarkup(
      createElement(RichText, { data: lexicalWithLinks(hostileLinks) }),
    )
    // The words stay, as text; none of the addresses becomes an href.
    expect(html).toContain('link 0')
    expect(html).not.toMatch(/href=/)
    const safe = renderToStaticMarkup(
      createElement(RichText, {
        data: lexicalWithLinks([{ text: 'x', href: 'https://example.org/', type: 'autolink' }]),
      }),
    )
    expect(safe).toContain('href="https://example.org/"')
  })

  it('the publish checklist names each refused link: its words, its address and its section', async () => {
    const payload = await testPayload()
    const editor = await createUser(payload, 'editor')
    const req = { payload, user: editor } as never
    const result = await checkArticle(
      {
        headline: 'Council votes',
        dek: 'The council voted.',
        body: [
          { heading: 'What happened', content: plainTextToLexical('The council voted.') },
          { heading: 'Links', content: lexicalWithLinks(hostileLinks) },
        ],
      },
      req,
    )
    const unsafe = result.errors.filter((finding) => finding.rule === 'unsafe-link')
    expect(unsafe).toHaveLength(hostileLinks.length)
    expect(unsafe[0]).toMatchObject({ section: 2 })
    expect(unsafe[0]!.message).toContain('“link 0” in section 2 goes to “javascript:alert(1)”')
    expect(unsafe.some((finding) => finding.message.includes('“/\\evil.example”'))).toBe(true)
  })
})

/** An author's draft, saved with the author's access: a text to autosave over. */
const authorsDraft = (payload: Payload) =>
  payload.create({
    collection: 'articles',
    data: draftWith(plainTextToLexical('Start.')),
    draft: true,
    user: author,
    overrideAccess: false,
  })

describe('draft saves check the text’s structure', () => {
  const forged = () => {
    const content = plainTextToLexical('A half-written paragraph')
    content.root.children.push({ type: 'evil-widget', version: 1, children: [] })
    return content
  }

  it('refuses a draft holding a node type the editor does not have, with a 400 that says so', async () => {
    const response = await rest('POST', 'articles?draft=true', draftWith(forged()), token)
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain(
      'an element of type “evil-widget” that this editor does not have',
    )
  })

  it('refuses a text nested deeper than the editor allows, with a 400 that says so', async () => {
    const response = await rest('POST', 'articles?draft=true', draftWith(nestedQuotes(1500)), token)
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('nests elements more than 64 deep')
  })

  it('a text stored that deep before the limit still renders from the database', async () => {
    const payload = await testPayload()
    const draft = await authorsDraft(payload)
    // Written past the save hooks, as content stored before the limit was.
    await payload.db.updateOne({
      collection: 'articles',
      id: draft.id,
      data: { body: [{ id: unique('row'), heading: 'Old', content: nestedQuotes(1500) }] },
    })
    const stored = await payload.findByID({ collection: 'articles', id: draft.id })
    const html = renderToStaticMarkup(createElement(RichText, { data: stored.body?.[0]?.content }))
    expect(html).toContain('Deepest words')
  })

  it('refuses a forged heading tag and a forged block kind, on autosave too', async () => {
    const payload = await testPayload()
    const draft = await authorsDraft(payload)
    for (const node of [
      { type: 'heading', tag: 'script', version: 1, children: [] },
      { type: 'block', version: 2, fields: { blockType: 'iframe', id: 'x' } },
    ]) {
      const content = plainTextToLexical('Start.')
      content.root.children.push(node)
      const attempt = payload.update({
        collection: 'articles',
        id: draft.id,
        data: { body: [{ heading: 'What happened', content }] },
        draft: true,
        autosave: true,
        user: author,
        overrideAccess: false,
      })
      await expect(attempt, node.type).rejects.toBeInstanceOf(ValidationError)
    }
  })

  it('still autosaves a half-written draft: an empty section, no heading yet', async () => {
    const payload = await testPayload()
    const draft = await authorsDraft(payload)
    const saved = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { body: [{ heading: 'What happened', content: plainTextToLexical('Start.') }, {}] },
      draft: true,
      autosave: true,
      user: author,
      overrideAccess: false,
    })
    expect(saved.body).toHaveLength(2)
  })

  it('guards every rich-text field: an FAQ answer with a javascript: link is refused', async () => {
    const payload = await testPayload()
    const attempt = payload.create({
      collection: 'faqs',
      data: {
        question: 'How do I vote?',
        answer: lexicalWithLinks([{ text: 'here', href: 'javascript:alert(1)' }]) as never,
      },
      user: author,
      overrideAccess: false,
    })
    await expect(attempt).rejects.toBeInstanceOf(ValidationError)
  })
})
