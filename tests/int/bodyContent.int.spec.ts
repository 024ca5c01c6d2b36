import type { Payload } from 'payload'
import { ValidationError } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { RichText } from '@/components/RichText'
import type { Article, Media, User } from '@/payload-types'

import { articleData, createUser, seededIds, unique } from '../support/factories'
import { testPayload } from '../support/payload'

/** Lexical's text format bits (lexical/utils/nodeFormat). */
const SUBSCRIPT = 1 << 5
const SUPERSCRIPT = 1 << 6

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})
const paragraph = (...children: ReturnType<typeof text>[]) => ({
  type: 'paragraph',
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  version: 1,
})
const block = (fields: Record<string, unknown>) => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id: unique('block').replace(/\W/g, ''), blockName: '', ...fields },
})
const upload = (id: number) => ({
  type: 'upload',
  relationTo: 'media',
  value: id,
  fields: null,
  format: '',
  version: 3,
})
type Section = NonNullable<Article['body'][number]['content']>
const lexical = (...children: Section['root']['children']): Section => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

let payload: Payload
let ids: { deskId: number; authorId: number }
let editor: User

async function image(
  alt: string,
  extra: Partial<Pick<Media, 'caption' | 'credit'>> = {},
): Promise<Media> {
  const data = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: '#2a5a8c' },
  })
    .png()
    .toBuffer()
  const name = `${unique('body').toLowerCase()}.png`
  return (await payload.create({
    collection: 'media',
    data: { alt, ...extra },
    file: { data, name, mimetype: 'image/png', size: data.length },
  })) as Media
}

beforeAll(async () => {
  payload = await testPayload()
  ids = await seededIds(payload)
  editor = await createUser(payload, 'editor', { name: 'Body Content Editor' })
})

describe('body content: code, images, galleries, pull quotes, rules, sup/sub', () => {
  it('saves a section with each node and renders the expected HTML', async () => {
    const inline = await image('A tram crossing the river at night', {
      caption: 'Line 4 at the bridge.',
      credit: 'Ana Ruiz',
    })
    const first = await image('The depot at dawn', { caption: 'Its own caption.' })
    const second = await image('Drivers changing shift', { credit: 'Tom Okafor' })
    const code = 'for stop in route:\n    print(stop.name)  # <b>not bold</b>\n'
    const article = await payload.create({
      collection: 'articles',
      data: articleData(ids, {
        _status: 'draft',
        slug: unique('body-content'),
        body: [
          {
            heading: 'How the timetable is built',
            content: lexical(
              paragraph(
                text('Water is H'),
                text('2', SUBSCRIPT),
                text('O; the area is 40 km'),
                text('2', SUPERSCRIPT),
                text('.'),
              ),
              block({ blockType: 'code', language: 'python', code }),
              upload(inline.id),
              { type: 'horizontalrule', version: 1 },
              block({
                blockType: 'gallery',
                caption: 'A night on line 4',
                images: [
                  { image: first.id, caption: 'The first tram leaves at 4:50.' },
                  { image: second.id },
                ],
              }),
              block({
                blockType: 'pullQuote',
                quote: 'Nobody waits more than ten minutes.',
                attribution: 'Mira Holm, transport director',
              }),
            ),
          },
        ],
      }),
      draft: true,
    })

    const saved = await payload.findByID({
      collection: 'articles',
      id: article.id,
      depth: 2,
      draft: true,
    })
    const html = renderToStaticMarkup(
      createElement(RichText, { data: saved.body[0]!.content, className: 'article__text' }),
    )

    expect(html).toContain('H<sub>2</sub>O')
    expect(html).toContain('km<sup>2</sup>')
    // The code as written, escaped, in <pre><code> with its language as a class and a label.
    expect(html).toContain(
      '<figure class="code-block"><figcaption class="code-block__language">Python</figcaption>' +
        '<pre tabindex="0"><code class="language-python">for stop in route:\n' +
        '    print(stop.name)  # &lt;b&gt;not bold&lt;/b&gt;\n</code></pre></figure>',
    )
    expect(html).not.toMatch(/<script|\son\w+=/)
    // The inline image: responsive, sized, lazy, with caption and credit.
    const inlineFigure = html.match(/<figure class="inline-image">.*?<\/figure>/)?.[0] ?? ''
    expect(inlineFigure).toContain('alt="A tram crossing the river at night"')
    expect(inlineFigure).toMatch(/srcSet="[^"]+ 400w, [^"]+ 768w, [^"]+ 1280w"/)
    expect(inlineFigure).toContain('width="1600" height="900"')
    expect(inlineFigure).toContain('loading="lazy"')
    expect(inlineFigure).toContain(
      '<figcaption>Line 4 at the bridge. Credit: Ana Ruiz</figcaption>',
    )
    expect(html).toContain('<hr')
    // The gallery: one figure named by its caption, the images in order with their captions.
    const gallery =
      html.match(
        /<figure class="gallery">.*?<\/ul><figcaption[^>]*>[^<]*<\/figcaption><\/figure>/,
      )?.[0] ?? ''
    expect(gallery).toContain('<figcaption class="gallery__caption">A night on line 4</figcaption>')
    const items = [...gallery.matchAll(/<li><figure class="gallery__image">(.*?)<\/figure><\/li>/g)]
    expect(items.map((item) => item[1]!.match(/alt="([^"]*)"/)?.[1])).toEqual([
      'The depot at dawn',
      'Drivers changing shift',
    ])
    expect(items[0]![1]).toContain('<figcaption>The first tram leaves at 4:50.</figcaption>')
    expect(items[1]![1]).toContain('<figcaption>Credit: Tom Okafor</figcaption>')
    expect(items[0]![1]).toContain('loading="lazy"')
    expect(html).toContain(
      '<figure class="pull-quote"><blockquote><p>Nobody waits more than ten minutes.</p></blockquote>' +
        '<figcaption>Mira Holm, transport director</figcaption></figure>',
    )

    // The same body publishes: nothing in it trips the checklist.
    const published = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
      user: editor,
      overrideAccess: false,
    })
    expect(published._status).toBe('published')
  })

  it('refuses to publish a code block in a language it does not know, or without code', async () => {
    // Drafts skip field validation (Payload's own rule); the reader page shows such a block as
    // plain text. Publishing validates it.
    for (const fields of [
      { language: 'klingon', code: 'x' },
      { language: 'python', code: '' },
    ]) {
      const attempt = payload.create({
        collection: 'articles',
        data: articleData(ids, {
          slug: unique('bad-code'),
          body: [{ heading: 'Code', content: lexical(block({ blockType: 'code', ...fields })) }],
        }),
      })
      await expect(attempt, JSON.stringify(fields)).rejects.toBeInstanceOf(ValidationError)
    }
  })

  it('refuses to publish an in-body or gallery image without real alt text, naming where it is', async () => {
    // An import names images by their file: that is no description.
    const unnamed = await image('IMG_2041.jpg')
    const placeholder = await image('photo')
    const described = await image('A crowded platform')
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(ids, {
        _status: 'draft',
        slug: unique('no-alt'),
        body: [
          {
            heading: 'On the platform',
            content: lexical(
              paragraph(text('The platform at eight.')),
              upload(unnamed.id),
              block({
                blockType: 'gallery',
                images: [{ image: described.id }, { image: placeholder.id }],
              }),
            ),
          },
        ],
      }),
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
    const message = error.data.errors[0]!.message
    expect(message).toMatch(/blocked by 2 checklist errors/)
    expect(message).toContain('The image in section 1 has no real alt text (“IMG_2041.jpg”)')
    expect(message).toContain(
      'The image 2 of the gallery in section 1 has no real alt text (“photo”)',
    )
    expect((await payload.findByID({ collection: 'articles', id: draft.id }))._status).toBe('draft')
  })
})
