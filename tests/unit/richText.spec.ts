import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { RichText } from '@/components/RichText'
import { toLexical } from '@/seed/lexical'

import { nestedQuotes } from '../support/factories'

const noIds = { tables: new Map<string, number>(), faqs: new Map<string, number>() }

function render(ordered: boolean): string {
  const data = toLexical(
    [
      {
        type: 'list',
        ordered,
        items: [[{ text: 'First point' }], [{ text: 'Second point' }]],
      },
    ],
    noIds,
  )
  return renderToStaticMarkup(createElement(RichText, { data }))
}

describe('rich text lists', () => {
  it('number an ordered list’s items, and give a bulleted list’s none (HTML allows value only in <ol>)', () => {
    const bullets = render(false)
    expect(bullets).toContain('<ul')
    expect(bullets).toContain('<li>First point</li>')
    expect(bullets).not.toMatch(/<li[^>]*value=/)
    const numbered = render(true)
    expect(numbered).toContain('<ol')
    expect(numbered).toMatch(/<li value="2">Second point<\/li>/)
  })
})

describe('rich text nested deeper than the editor allows', () => {
  it('still renders its words rather than failing the page', () => {
    const html = renderToStaticMarkup(createElement(RichText, { data: nestedQuotes(1500) }))
    expect(html).toContain('Deepest words')
  })
})
