import type { FrontPageConfig, PinRecord, Slot } from './resolve'
import { DEFAULT_TOP_STORY_COUNT } from './resolve'

type Related = number | { id: number } | null | undefined

/** The front-page global as stored (depth 0 or deeper), loosely typed for drafts and partial data. */
export interface FrontPageDoc {
  lead?: Related
  topStories?: { article?: Related }[] | null
  topStoryCount?: number | null
  deskRails?: { desk?: Related; count?: number | null; pinned?: Related[] | null }[] | null
  pinnedHeadlines?: unknown
}

export const idOf = (value: Related): number | null =>
  value == null ? null : typeof value === 'object' ? value.id : value

const isSlot = (value: unknown): value is Slot => {
  const slot = value as Slot | null
  return (
    !!slot &&
    (slot.kind === 'lead' ||
      (slot.kind === 'top' && typeof slot.position === 'number') ||
      (slot.kind === 'rail' && typeof slot.desk === 'string'))
  )
}

function remembered(value: unknown): PinRecord[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (pin): pin is PinRecord =>
      typeof pin?.id === 'number' && typeof pin?.headline === 'string' && isSlot(pin?.slot),
  )
}

/** What a stored front page asks for, with empty pins (a deleted story's) left out. */
export function configOf(doc: FrontPageDoc | null | undefined): FrontPageConfig {
  return {
    lead: idOf(doc?.lead),
    topStories: (doc?.topStories ?? []).map((row) => idOf(row.article)).filter((id) => id !== null),
    topStoryCount: doc?.topStoryCount ?? DEFAULT_TOP_STORY_COUNT,
    rails: (doc?.deskRails ?? []).flatMap((rail) => {
      const desk = idOf(rail.desk)
      if (desk === null) return []
      return [
        {
          desk,
          count: rail.count ?? 4,
          pinned: (rail.pinned ?? []).map(idOf).filter((id) => id !== null),
        },
      ]
    }),
    remembered: remembered(doc?.pinnedHeadlines),
  }
}
