import { describe, expect, it } from 'vitest'

import { mergeEdits } from '@/coediting/merge'

const row = (id: string, text: string) => ({ id, heading: id.toUpperCase(), content: text })
const article = (...rows: ReturnType<typeof row>[]) => ({ headline: 'H', body: rows })

describe('merging two saves of one article', () => {
  const base = article(row('a', 'a0'), row('b', 'b0'), row('c', 'c0'))

  it('takes each side’s change to a different section', () => {
    const current = article(row('a', 'a1'), row('b', 'b0'), row('c', 'c0'))
    const incoming = article(row('a', 'a0'), row('b', 'b0'), row('c', 'c2'))
    const { merged, conflicts } = mergeEdits({
      base: { returned: base, sent: null },
      current,
      incoming,
    })
    expect(conflicts).toEqual([])
    expect(merged.body).toEqual([row('a', 'a1'), row('b', 'b0'), row('c', 'c2')])
  })

  it('names the section both sides changed, with both texts', () => {
    const current = article(row('a', 'a0'), row('b', 'theirs'), row('c', 'c0'))
    const incoming = article(row('a', 'a0'), row('b', 'mine'), row('c', 'c0'))
    const { conflicts } = mergeEdits({ base: { returned: base, sent: null }, current, incoming })
    expect(conflicts).toMatchObject([
      {
        kind: 'section',
        key: 'b',
        index: 1,
        label: 'B',
        theirs: row('b', 'theirs'),
        yours: row('b', 'mine'),
      },
    ])
  })

  it('a copy still holding what it sent (the editor did not see the merge) does not undo the other change', () => {
    // This copy sent b = "mine" last time; the server merged in a = "a1" and returned that, but the
    // copy's editor never showed it. Its next save still says a = "a0".
    const returned = article(row('a', 'a1'), row('b', 'mine'), row('c', 'c0'))
    const sent = article(row('a', 'a0'), row('b', 'mine'), row('c', 'c0'))
    const current = article(row('a', 'a1'), row('b', 'mine'), row('c', 'c0'))
    const incoming = article(row('a', 'a0'), row('b', 'mine, more'), row('c', 'c0'))
    const { merged, conflicts } = mergeEdits({ base: { returned, sent }, current, incoming })
    expect(conflicts).toEqual([])
    expect(merged.body).toEqual([row('a', 'a1'), row('b', 'mine, more'), row('c', 'c0')])
  })

  it('keeps a section the other side added where they put it, and honours a removal', () => {
    const current = article(row('a', 'a0'), row('n', 'new'), row('b', 'b0'), row('c', 'c0'))
    const incoming = article(row('a', 'a0'), row('c', 'c0'))
    const { merged, conflicts } = mergeEdits({
      base: { returned: base, sent: null },
      current,
      incoming,
    })
    expect(conflicts).toEqual([])
    expect(merged.body).toEqual([row('a', 'a0'), row('n', 'new'), row('c', 'c0')])
  })

  it('with an unknown base, every difference is a conflict, never an overwrite', () => {
    const current = article(row('a', 'a1'), row('b', 'b0'), row('c', 'c0'))
    const { conflicts } = mergeEdits({
      base: { returned: {}, sent: null },
      current,
      incoming: base,
    })
    expect(conflicts.map((conflict) => conflict.key)).toEqual(['a'])
  })

  it('keys a save leaves out stay as they are', () => {
    const current = { ...base, headline: 'Theirs', dek: 'Theirs too' }
    const { merged, conflicts } = mergeEdits({
      base: { returned: base, sent: null },
      current,
      incoming: { dek: 'Mine' },
    })
    expect(conflicts.map((conflict) => conflict.key)).toEqual(['dek'])
    expect(merged).toEqual({ dek: 'Mine' })
  })
})
