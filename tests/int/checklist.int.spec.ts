import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { lintArticles } from '@/checklist/lint'
import type { User } from '@/payload-types'
import { plainTextToLexical } from '@/seed/lexical'

import { articleData, createUser, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, rest } from '../support/rest'
import { runScript } from '../support/run'

const REFERENCE = 'ren-zhengfei-us-china-ai-divergent-directions'
let ids: { deskId: number; authorId: number }
let editor: User
let token: string

beforeAll(async () => {
  const payload = await testPayload()
  ids = await seededIds(payload)
  editor = await createUser(payload, 'editor', { name: 'Checklist Editor' })
  token = await logIn(editor.email)
})

describe('the reference article, as seeded', () => {
  it('gets the findings an editor should see', async () => {
    const payload = await testPayload()
    const [result] = await lintArticles(payload, [REFERENCE])
    const found = (rule: string) => result!.findings.filter((finding) => finding.rule === rule)

    // Random Title Case in the headline and headings (house style: sentence case).
    expect(
      found('heading-case').some((finding) => finding.message.startsWith('The headline')),
    ).toBe(true)
    // The chatbot preamble is a table-of-contents entry with no section behind it.
    const empty = found('empty-section')
    expect(empty.map((finding) => finding.severity)).toContain('error')
    expect(empty.some((finding) => finding.message.includes('Okay, here’s a breakdown'))).toBe(true)
    // One table has neither a source nor a date; the other is dated December 2024.
    expect(found('table-source').map((finding) => finding.severity)).toEqual(['error'])
    expect(found('table-age')).toHaveLength(1)
    // "too navigate" is out of reach; the report still names the article's errors first.
    expect(result!.errors.length).toBeGreaterThan(0)
    expect(result!.path).toBe(`/technology/${REFERENCE}`)
  })

  it('records that it was published over its errors, and why', async () => {
    const payload = await testPayload()
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: REFERENCE } },
    })
    expect(docs[0]!.checklistOverrides?.[0]?.reason).toMatch(/Demo content/)
    expect(docs[0]!.checklistOverrides?.[0]?.errors).toMatch(/no text/)
  })
})

describe('the publish gate', () => {
  const withEmptySection = () =>
    articleData(ids, {
      _status: 'draft',
      body: [
        { heading: 'What happened', content: plainTextToLexical('The council voted.') },
        { heading: 'Reaction' },
      ],
    })

  it('refuses to publish an article with checklist errors, naming them', async () => {
    const payload = await testPayload()
    const draft = await payload.create({
      collection: 'articles',
      data: withEmptySection(),
      draft: true,
    })
    const attempt = payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published' },
      user: editor,
      overrideAccess: false,
    })
    await expect(attempt).rejects.toBeInstanceOf(ValidationError)
    const error = (await attempt.catch((caught: ValidationError) => caught)) as ValidationError
    expect(error.data.errors[0]!.message).toMatch(
      /blocked by 1 checklist error: Section 2 “Reaction” has no text/,
    )
    expect((await payload.findByID({ collection: 'articles', id: draft.id }))._status).toBe('draft')
  })

  it('publishes when an editor gives a reason, and keeps the reason, who and what', async () => {
    const payload = await testPayload()
    const draft = await payload.create({
      collection: 'articles',
      data: withEmptySection(),
      draft: true,
    })
    const published = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: {
        _status: 'published',
        publishOverrideReason: 'Reaction is coming in; we update within the hour.',
      },
      user: editor,
      overrideAccess: false,
    })
    expect(published._status).toBe('published')
    expect(published.publishOverrideReason ?? null).toBeNull()
    expect(published.checklistOverrides).toHaveLength(1)
    expect(published.checklistOverrides![0]).toMatchObject({
      reason: 'Reaction is coming in; we update within the hour.',
      errors: expect.stringMatching(/“Reaction” has no text/),
    })
    const by = published.checklistOverrides![0]!.by
    expect(typeof by === 'object' ? by?.id : by).toBe(editor.id)
  })

  it('ignores an override record sent in the request', async () => {
    const response = await rest(
      'POST',
      'articles',
      articleData(ids, { checklistOverrides: [{ reason: 'forged', errors: 'none' }] }),
      token,
    )
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc.checklistOverrides).toEqual([])
  })
})

describe('the checklist endpoint the admin panel calls', () => {
  it('answers newsroom users with the findings for the article as typed', async () => {
    const response = await rest(
      'POST',
      'articles/checklist',
      {
        headline: 'The the headline',
        dek: 'Short.',
        section: ids.deskId,
        authors: [ids.authorId],
        body: [{ heading: 'Empty' }],
      },
      token,
    )
    expect(response.status).toBe(200)
    const result = await response.json()
    expect(result.errors.map((finding: { rule: string }) => finding.rule)).toEqual([
      'empty-section',
    ])
    expect(result.warnings.map((finding: { rule: string }) => finding.rule)).toEqual(
      expect.arrayContaining(['description-length', 'repeated-word']),
    )
  })

  it('on a new, empty article (as the admin sends it), lists every missing required field as an error', async () => {
    // The admin's form sends an array with no rows as its row count.
    const response = await rest(
      'POST',
      'articles/checklist',
      { headline: '', dek: '', body: 0, section: null, authors: [], reviewStatus: 'draft' },
      token,
    )
    expect(response.status).toBe(200)
    const result = await response.json()
    expect(result.errors.map((finding: { message: string }) => finding.message)).toEqual([
      'The article has no headline: write one.',
      'The article has no dek (summary): write one or two sentences.',
      'No desk is chosen: choose one under Desk.',
      'The article has no byline: add one under Byline.',
      'The article has no sections: add one with a heading and its text.',
    ])
  })

  it('answers a malformed text with findings, not a server error', async () => {
    const response = await rest(
      'POST',
      'articles/checklist',
      {
        headline: 7,
        body: [
          null,
          { heading: 'Facts', keywordFocus: 'x', content: { root: { children: 'no' } } },
        ],
      },
      token,
    )
    expect(response.status).toBe(200)
    const result = await response.json()
    expect(result.errors.map((finding: { rule: string }) => finding.rule)).toContain('required')
  })

  it('refuses readers and nonsense', async () => {
    expect((await rest('POST', 'articles/checklist', { headline: 'x' })).status).toBe(401)
    expect((await rest('POST', 'articles/checklist', [1, 2], token)).status).toBe(400)
  })
})

describe('npm run lint:content', () => {
  // Each run starts Payload in a new process: tens of seconds on a busy two-core machine.
  it(
    'prints the findings and exits 1 when an article has errors, 0 when it has none',
    { timeout: 300_000 },
    async () => {
      const payload = await testPayload()
      const clean = await payload.create({
        collection: 'articles',
        data: articleData(ids, {
          headline: `Council approves the tram extension ${unique('lint')}`,
          dek: 'Councillors voted 41 to 9 for the line, which will reach the hospital and the university; building starts next spring.',
        }),
      })
      const cli = (slug: string) => runScript('src/scripts/lintContent.ts', [slug])
      const reference = cli(REFERENCE)
      expect(reference.status, reference.stderr).toBe(1)
      expect(reference.stdout).toMatch(/error +empty-section +Section 10 “Okay, here’s a breakdown/)
      expect(reference.stdout).toMatch(/1 article\(s\) checked: \d+ error\(s\)/)
      const ok = cli(clean.slug!)
      expect(ok.status, ok.stdout + ok.stderr).toBe(0)
      expect(ok.stdout).toMatch(/0 error\(s\)/)
    },
  )
})
