import { NextRequest } from 'next/server'
import { type RequiredDataFromCollectionSlug, ValidationError } from 'payload'
import { afterAll, describe, expect, it } from 'vitest'

import { absoluteUrl } from '@/lib/urls'
import { createRedirectResolver } from '@/redirects/resolve'

import { articleData, createDesk, publishedArticle, seededIds, unique } from '../support/factories'
import { proxy } from '../../proxy'
import { testPayload } from '../support/payload'

// Answers straight from the database (no reuse window), as a reader arriving later would get.
const resolver = createRedirectResolver({ connectionString: process.env.DATABASE_URL!, ttlMs: 0 })
afterAll(() => resolver.close())

const where = (path: string) => resolver.resolve(path)

/** A published article at /technology/<slug>. */
async function articleAt(slug: string) {
  return publishedArticle(await testPayload(), { slug })
}

async function rename(id: number, data: Record<string, unknown>, draft = false) {
  const payload = await testPayload()
  return payload.update({
    collection: 'articles',
    id,
    data: draft ? data : { ...data, _status: 'published' },
    draft,
  })
}

async function storedRedirects(articleId: number) {
  const payload = await testPayload()
  const found = await payload.find({
    collection: 'redirects',
    where: { 'to.reference.value': { equals: articleId } },
    sort: 'from',
    depth: 0,
  })
  return found.docs.map((doc) => doc.from)
}

type RedirectData = RequiredDataFromCollectionSlug<'redirects'>
/**
 * A redirect as an editor enters it: the kind may be left out, and the
 * collection then makes it a 301 (a default the generated type does not know).
 */
type RedirectInput = Omit<RedirectData, 'type'> & Partial<Pick<RedirectData, 'type'>>

async function addRedirect(data: RedirectInput) {
  const payload = await testPayload()
  return payload.create({ collection: 'redirects', data: data as RedirectData })
}

async function refusal(data: RedirectInput): Promise<string> {
  const payload = await testPayload()
  try {
    await payload.create({ collection: 'redirects', data: data as RedirectData })
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return (error as ValidationError).data.errors.map((entry) => entry.message).join(' | ')
  }
  throw new Error(`accepted ${JSON.stringify(data)}`)
}

describe('automatic redirects when an address changes', () => {
  it('a slug change answers the old URL with a 301 to the new one, keeping the query string', async () => {
    const first = unique('old-slug')
    const article = await articleAt(first)
    const second = unique('new-slug')
    await rename(article.id, { slug: second })

    const response = await proxy(
      new NextRequest(`http://localhost:3000/technology/${first}?utm_source=mail`),
    )
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(
      `${absoluteUrl(`/technology/${second}`)}?utm_source=mail`,
    )
    // The new address itself is served, not redirected.
    expect(await where(`/technology/${second}`)).toBeNull()
  })

  it('a second change collapses the chain: every old URL reaches the current one in one hop', async () => {
    const [a, b, c] = [unique('a'), unique('b'), unique('c')]
    const article = await articleAt(a)
    await rename(article.id, { slug: b })
    await rename(article.id, { slug: c })

    expect(await where(`/technology/${a}`)).toEqual({ location: `/technology/${c}`, status: 301 })
    expect(await where(`/technology/${b}`)).toEqual({ location: `/technology/${c}`, status: 301 })
    // Both old addresses point at the article itself, not at each other.
    expect(await storedRedirects(article.id)).toEqual([`/technology/${a}`, `/technology/${b}`])
  })

  it('moving back to an old slug makes no loop: that address serves the article again', async () => {
    const [a, b] = [unique('back-a'), unique('back-b')]
    const article = await articleAt(a)
    await rename(article.id, { slug: b })
    await rename(article.id, { slug: a })

    expect(await where(`/technology/${a}`)).toBeNull()
    expect(await where(`/technology/${b}`)).toEqual({ location: `/technology/${a}`, status: 301 })
    expect(await storedRedirects(article.id)).toEqual([`/technology/${b}`])
  })

  it('moving an article to another desk redirects its old URL', async () => {
    const payload = await testPayload()
    const slug = unique('moved')
    const article = await articleAt(slug)
    const world = (
      await payload.find({ collection: 'sections', where: { slug: { equals: 'world' } } })
    ).docs[0]!
    await rename(article.id, { section: world.id })
    expect(await where(`/technology/${slug}`)).toEqual({ location: `/world/${slug}`, status: 301 })
  })

  it('a draft with a new slug changes nothing until it is published', async () => {
    const [a, b] = [unique('draft-a'), unique('draft-b')]
    const article = await articleAt(a)
    await rename(article.id, { slug: b }, true)
    expect(await where(`/technology/${a}`)).toBeNull()
    expect(await storedRedirects(article.id)).toEqual([])
    await rename(article.id, { slug: b })
    expect(await where(`/technology/${a}`)).toEqual({ location: `/technology/${b}`, status: 301 })
  })

  it('a renamed desk redirects its page, its articles and its feeds', async () => {
    const payload = await testPayload()
    const ids = await seededIds(payload)
    const [oldDesk, newDesk] = [unique('desk-old'), unique('desk-new')]
    const desk = await createDesk(payload, { name: oldDesk, slug: oldDesk })
    const slug = unique('desk-story')
    const article = await payload.create({
      collection: 'articles',
      data: articleData(ids, { slug, section: desk.id }),
    })
    await payload.update({ collection: 'sections', id: desk.id, data: { slug: newDesk } })

    expect(await where(`/${oldDesk}`)).toEqual({ location: `/${newDesk}`, status: 301 })
    expect(await where(`/${oldDesk}/${slug}`)).toEqual({
      location: `/${newDesk}/${slug}`,
      status: 301,
    })
    expect(await where(`/feeds/${oldDesk}/rss.xml`)).toEqual({
      location: `/feeds/${newDesk}/rss.xml`,
      status: 301,
    })
    // The article then changes slug too: the oldest address still arrives in one answer.
    const renamed = unique('desk-story-2')
    await rename(article.id, { slug: renamed })
    expect(await where(`/${oldDesk}/${slug}`)).toEqual({
      location: `/${newDesk}/${renamed}`,
      status: 301,
    })
  })

  it('deleting an article removes its redirects; unpublishing stops them', async () => {
    const payload = await testPayload()
    const [a, b] = [unique('gone-a'), unique('gone-b')]
    const article = await articleAt(a)
    await rename(article.id, { slug: b })
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    expect(await where(`/technology/${a}`)).toBeNull()
    await payload.delete({ collection: 'articles', id: article.id })
    const left = await payload.count({
      collection: 'redirects',
      where: { from: { equals: `/technology/${a}` } },
    })
    expect(left.totalDocs).toBe(0)
  })
})

describe('redirects editors add by hand', () => {
  it('an old path (or a pasted full URL) leads where the editor says, with the kind they chose', async () => {
    const target = await articleAt(unique('target'))
    const old = unique('/old-page')
    await addRedirect({
      from: `http://localhost:3000${old}/`,
      to: { type: 'reference', reference: { relationTo: 'articles', value: target.id } },
    })
    expect(await where(old)).toEqual({ location: `/technology/${target.slug}`, status: 301 })

    const temporary = unique('/promo')
    await addRedirect({
      from: temporary,
      to: { type: 'custom', url: 'https://example.org/offer' },
      type: '302',
    })
    expect(await where(temporary)).toEqual({ location: 'https://example.org/offer', status: 302 })
  })

  it('a hand-made redirect to an address that later moves is collapsed onto the article', async () => {
    const [a, b] = [unique('hand-a'), unique('hand-b')]
    const article = await articleAt(a)
    const old = unique('/legacy')
    await addRedirect({ from: old, to: { type: 'custom', url: `/technology/${a}` } })
    await rename(article.id, { slug: b })
    expect(await where(old)).toEqual({ location: `/technology/${b}`, status: 301 })
    expect(await storedRedirects(article.id)).toContain(old)
  })

  it('refuses redirects that could never work, saying why', async () => {
    const self = unique('/self')
    expect(await refusal({ from: self, to: { type: 'custom', url: self } })).toMatch(/to itself/)

    const [x, y] = [unique('/loop-x'), unique('/loop-y')]
    await addRedirect({ from: x, to: { type: 'custom', url: y } })
    expect(await refusal({ from: y, to: { type: 'custom', url: x } })).toMatch(/loop: .* → .* → /)

    expect(
      await refusal({ from: unique('/js'), to: { type: 'custom', url: 'javascript:alert(1)' } }),
    ).toMatch(/path on this site .* or an http/)
    // Browsers read /\host as //host; the URL policy refuses it rather than guessing.
    expect(
      await refusal({ from: unique('/bs'), to: { type: 'custom', url: '/\\evil.example' } }),
    ).toMatch(/refused \(it contains a backslash\)/)
    expect(
      await refusal({ from: unique('/proto'), to: { type: 'custom', url: '//evil.example' } }),
    ).toMatch(/path on this site/)
    // …and so is a path that resolves to //host once its dot segments go.
    for (const url of [
      '/.//evil.example/x',
      '/%2e//evil.example/x',
      absoluteUrl('/.//evil.example/x'),
    ]) {
      expect(await refusal({ from: unique('/dot'), to: { type: 'custom', url } }), url).toMatch(
        /(resolves to|starts with) \/\/, which leaves the site/,
      )
    }
    expect(await refusal({ from: '/admin/login', to: { type: 'custom', url: '/' } })).toMatch(
      /admin or the API/,
    )
    expect(
      await refusal({ from: 'https://elsewhere.example/x', to: { type: 'custom', url: '/' } }),
    ).toMatch(/must be on this site/)
    expect(
      await refusal({ from: `${unique('/q')}?page=2`, to: { type: 'custom', url: '/' } }),
    ).toMatch(/path only/)
    expect(await refusal({ from: '/', to: { type: 'custom', url: '/world' } })).toMatch(/home page/)
    expect(await refusal({ from: '/%E0%A4%A', to: { type: 'custom', url: '/world' } })).toMatch(
      /broken %-escape/,
    )
  })

  it('refuses a redirect from an address readers can still open', async () => {
    const article = await articleAt(unique('live'))
    expect(await refusal({ from: '/world', to: { type: 'custom', url: '/technology' } })).toMatch(
      /\/world is a live page \(a section\)/,
    )
    expect(
      await refusal({ from: `/technology/${article.slug}`, to: { type: 'custom', url: '/world' } }),
    ).toMatch(/a published article/)
    expect(await refusal({ from: '/search', to: { type: 'custom', url: '/world' } })).toMatch(
      /a page of the site/,
    )
    expect(
      await refusal({
        from: unique('/to-draft'),
        to: { type: 'reference', reference: { relationTo: 'articles', value: 999_999 } },
      }),
    ).toMatch(/not published/)
  })

  it('readers cannot list redirects through the API', async () => {
    const payload = await testPayload()
    await expect(payload.find({ collection: 'redirects', overrideAccess: false })).rejects.toThrow()
  })
})

describe('hostile addresses', () => {
  it('never error and never redirect', async () => {
    for (const path of [
      "/technology/x'; drop table redirects; --",
      '/%00',
      `/${'a'.repeat(5000)}`,
      '/technology/%E2%80%AE',
      '/feeds/x/../../etc/passwd',
      '/\\\\evil',
    ]) {
      expect(await where(path)).toBeNull()
    }
  })
})
