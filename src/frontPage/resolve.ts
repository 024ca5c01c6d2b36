/**
 * Which stories the front page shows, in which order: a pure rule over what the editors pinned
 * and what is published. Pinned stories come first in their slots; a pin that readers cannot see
 * (unpublished or deleted) falls back to the next latest story, and is reported so the editors
 * can be told. A story appears once on the page: lead, then top stories, then desk rails.
 */

export interface StoryLike {
  id: number
  headline: string
  section?: number | { id: number } | null
}

export interface DeskLike {
  id: number
  name: string
}

/** Where a pin sits: the lead, the nth top story, or a desk's rail. */
export type Slot =
  { kind: 'lead' } | { kind: 'top'; position: number } | { kind: 'rail'; desk: string }

/** A pin as saved, with the headline it had then (kept for the notice if the story is deleted). */
export interface PinRecord {
  id: number
  headline: string
  slot: Slot
}

export interface FrontPageConfig {
  lead: number | null
  topStories: number[]
  topStoryCount: number
  rails: { desk: number; count: number; pinned: number[] }[]
  /** The pins at the last save. */
  remembered: PinRecord[]
}

export interface FrontPageInput<A extends StoryLike, D extends DeskLike> {
  config: FrontPageConfig
  /** The pinned stories readers can see (any others are unpublished or deleted). */
  pinned: A[]
  /** The latest published stories, newest first. */
  latest: A[]
  /** Every desk, in desk order. */
  desks: D[]
  /** Each rail desk's latest published stories, newest first. */
  deskLatest: Record<number, A[]>
}

export interface PinProblem {
  slot: Slot
  headline: string
  reason: 'unpublished' | 'deleted'
  /** The story readers see in its place, if any. */
  replacement: string | null
}

export interface ResolvedFrontPage<A extends StoryLike, D extends DeskLike> {
  lead: A | null
  topStories: A[]
  rails: { desk: D; articles: A[] }[]
  problems: PinProblem[]
}

/** Desk rails when the editors have set none: every desk, in desk order, four stories each. */
export const DEFAULT_RAIL_COUNT = 4
export const DEFAULT_TOP_STORY_COUNT = 4

const deskOf = (story: StoryLike) =>
  typeof story.section === 'object' ? (story.section?.id ?? null) : (story.section ?? null)

export function resolveFrontPage<A extends StoryLike, D extends DeskLike>(
  input: FrontPageInput<A, D>,
): ResolvedFrontPage<A, D> {
  const { config, latest } = input
  const visible = new Map(input.pinned.map((story) => [story.id, story]))
  const shown = new Set<number>()
  const problems: PinProblem[] = []
  const headlineOf = (id: number) =>
    config.remembered.find((pin) => pin.id === id)?.headline ?? `story ${id}`
  const nextFrom = (pool: A[]) => pool.find((story) => !shown.has(story.id)) ?? null
  const take = (story: A | null) => {
    if (story) shown.add(story.id)
    return story
  }
  /** A pin readers can see and that is not on the page already; else null (reported if hidden). */
  const pinnedStory = (id: number, slot: Slot): A | null => {
    const story = visible.get(id)
    if (story) return shown.has(id) ? null : story
    problems.push({ slot, headline: headlineOf(id), reason: 'unpublished', replacement: null })
    return null
  }

  // Pins whose story was deleted: the pin emptied itself; the last save remembers it.
  const current = new Set([
    ...(config.lead === null ? [] : [config.lead]),
    ...config.topStories,
    ...config.rails.flatMap((rail) => rail.pinned),
  ])
  const deleted = config.remembered.filter((pin) => !current.has(pin.id))
  const deletedIn = (test: (slot: Slot) => boolean) =>
    deleted
      .filter((pin) => test(pin.slot))
      .map((pin) => ({
        slot: pin.slot,
        headline: pin.headline,
        reason: 'deleted' as const,
        replacement: null,
      }))

  // The lead.
  const leadStart = problems.length
  problems.push(...deletedIn((slot) => slot.kind === 'lead' && config.lead === null))
  const pinnedLead = config.lead === null ? null : pinnedStory(config.lead, { kind: 'lead' })
  const lead = take(pinnedLead ?? nextFrom(latest))
  for (const problem of problems.slice(leadStart)) problem.replacement = lead?.headline ?? null

  // Top stories: pins in order, the rest of the slots the latest.
  const topStories: A[] = []
  const count = Math.max(0, config.topStoryCount)
  const topStart = problems.length
  problems.push(...deletedIn((slot) => slot.kind === 'top'))
  config.topStories.forEach((id, index) => {
    const story = pinnedStory(id, { kind: 'top', position: index + 1 })
    if (story && topStories.length < count) topStories.push(take(story)!)
  })
  const firstFill = topStories.length
  while (topStories.length < count) {
    const story = take(nextFrom(latest))
    if (!story) break
    topStories.push(story)
  }
  // Each hidden top-story pin gives its place to the next latest story, in turn.
  problems.slice(topStart).forEach((problem, index) => {
    problem.replacement = topStories[firstFill + index]?.headline ?? null
  })

  // Desk rails.
  const deskById = new Map(input.desks.map((desk) => [desk.id, desk]))
  const rails =
    config.rails.length > 0
      ? config.rails
      : input.desks.map((desk) => ({ desk: desk.id, count: DEFAULT_RAIL_COUNT, pinned: [] }))
  const resolvedRails: ResolvedFrontPage<A, D>['rails'] = []
  for (const rail of rails) {
    const desk = deskById.get(rail.desk)
    if (!desk) continue
    const slot: Slot = { kind: 'rail', desk: desk.name }
    problems.push(...deletedIn((s) => s.kind === 'rail' && s.desk === desk.name))
    const articles: A[] = []
    for (const id of rail.pinned) {
      if (articles.length >= rail.count) break
      const story = pinnedStory(id, slot)
      if (story) articles.push(take(story)!)
    }
    const pool = input.deskLatest[desk.id] ?? latest.filter((story) => deskOf(story) === desk.id)
    while (articles.length < rail.count) {
      const story = take(nextFrom(pool))
      if (!story) break
      articles.push(story)
    }
    if (articles.length > 0) resolvedRails.push({ desk, articles })
  }

  return { lead, topStories, rails: resolvedRails, problems }
}

/** Every story a configuration pins, with the slot it holds. */
export function pinsOf(
  config: Omit<FrontPageConfig, 'remembered'>,
  deskName: (id: number) => string,
) {
  const pins: { id: number; slot: Slot }[] = []
  if (config.lead !== null) pins.push({ id: config.lead, slot: { kind: 'lead' } })
  config.topStories.forEach((id, index) =>
    pins.push({ id, slot: { kind: 'top', position: index + 1 } }),
  )
  for (const rail of config.rails) {
    for (const id of rail.pinned)
      pins.push({ id, slot: { kind: 'rail', desk: deskName(rail.desk) } })
  }
  return pins
}
