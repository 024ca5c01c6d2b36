import { describe, expect, it } from 'vitest'

import { problemNotice } from '@/frontPage/messages'
import { type FrontPageConfig, resolveFrontPage } from '@/frontPage/resolve'

const world = { id: 1, name: 'World' }
const business = { id: 2, name: 'Business' }
const story = (id: number, desk: number) => ({ id, headline: `Story ${id}`, section: { id: desk } })
// Newest first: 10 … 1, alternating desks.
const latest = Array.from({ length: 10 }, (_, i) => story(10 - i, (10 - i) % 2 === 0 ? 1 : 2))

const config = (overrides: Partial<FrontPageConfig> = {}): FrontPageConfig => ({
  lead: null,
  topStories: [],
  topStoryCount: 4,
  rails: [],
  remembered: [],
  ...overrides,
})

const resolve = (c: FrontPageConfig, pinned = latest) =>
  resolveFrontPage({ config: c, pinned, latest, desks: [world, business], deskLatest: {} })

const ids = (stories: { id: number }[]) => stories.map((s) => s.id)

describe('the front page’s stories', () => {
  it('with nothing pinned: the latest leads, the next four are top stories, then every desk', () => {
    const page = resolve(config())
    expect(page.lead?.id).toBe(10)
    expect(ids(page.topStories)).toEqual([9, 8, 7, 6])
    expect(page.rails.map((rail) => [rail.desk.name, ids(rail.articles)])).toEqual([
      ['World', [4, 2]],
      ['Business', [5, 3, 1]],
    ])
    expect(page.problems).toEqual([])
  })

  it('puts pinned stories in their slots, in order, and shows each story once', () => {
    const page = resolve(
      config({ lead: 3, topStories: [8, 10], rails: [{ desk: 1, count: 2, pinned: [10, 2] }] }),
    )
    expect(page.lead?.id).toBe(3)
    expect(ids(page.topStories)).toEqual([8, 10, 9, 7])
    expect(ids(page.rails[0]!.articles)).toEqual([2, 6])
  })

  it('an unpublished pinned lead falls back to the latest story and is reported by name', () => {
    const page = resolve(
      config({ lead: 3, remembered: [{ id: 3, headline: 'Dam report', slot: { kind: 'lead' } }] }),
      latest.filter((s) => s.id !== 3),
    )
    expect(page.lead?.id).toBe(10)
    expect(page.problems.map(problemNotice)).toEqual([
      'The pinned lead “Dam report” is no longer published, so readers see the latest story, “Story 10”. Pick another lead or clear the pin.',
    ])
  })

  it('a deleted top-story pin (emptied by the database) is still named, with its replacement', () => {
    const page = resolve(
      config({
        topStories: [8],
        topStoryCount: 2,
        remembered: [
          { id: 8, headline: 'Story 8', slot: { kind: 'top', position: 1 } },
          { id: 77, headline: 'Pier fire', slot: { kind: 'top', position: 2 } },
        ],
      }),
    )
    expect(ids(page.topStories)).toEqual([8, 9])
    expect(page.problems.map(problemNotice)).toEqual([
      'The pinned top story 2, “Pier fire”, was deleted, so readers see the next latest story, “Story 9”, in its place. Pick another story or remove the row.',
    ])
  })
})
