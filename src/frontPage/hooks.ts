import type { GlobalBeforeChangeHook, GlobalBeforeValidateHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { configOf, type FrontPageDoc } from './config'
import { unpublishedPinRefusal } from './messages'
import { pinsOf, type PinRecord } from './resolve'

/** Every pin in `data` with its story's headline and whether readers can see it (two queries). */
async function lookUpPins(data: FrontPageDoc, req: PayloadRequest) {
  const config = configOf(data)
  const deskIds = [...new Set(config.rails.map((rail) => rail.desk))]
  const desks =
    deskIds.length === 0
      ? []
      : (
          await req.payload.find({
            collection: 'sections',
            where: { id: { in: deskIds } },
            select: { name: true },
            depth: 0,
            limit: deskIds.length,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs
  const deskName = (id: number) => desks.find((desk) => desk.id === id)?.name ?? `desk ${id}`
  const pins = pinsOf(config, deskName)
  const ids = [...new Set(pins.map((pin) => pin.id))]
  const stories =
    ids.length === 0
      ? []
      : (
          await req.payload.find({
            collection: 'articles',
            where: { id: { in: ids } },
            select: { headline: true, _status: true },
            depth: 0,
            limit: ids.length,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs
  return pins.map((pin) => {
    const story = stories.find((doc) => doc.id === pin.id)
    return { ...pin, headline: story?.headline ?? null, published: story?._status === 'published' }
  })
}

const publishing = (req: PayloadRequest, data: Record<string, unknown> | undefined) => {
  const { draft, autosave } = (req.query ?? {}) as Record<string, unknown>
  return data?._status === 'published' && String(draft) !== 'true' && String(autosave) !== 'true'
}

/**
 * Publishing the front page with a story readers cannot see (a draft, an unpublished or deleted
 * story) is refused with a sentence naming it and its slot; a draft of the front page may hold one.
 */
export const refuseUnpublishedPins: GlobalBeforeValidateHook = async ({ data, req }) => {
  if (!data || !publishing(req, data)) return data
  const hidden = (await lookUpPins(data as FrontPageDoc, req)).find((pin) => !pin.published)
  if (hidden) {
    const message = unpublishedPinRefusal(hidden.slot, hidden.headline ?? `story ${hidden.id}`)
    const refusal = new ValidationError(
      { global: 'front-page', errors: [{ message, path: pathOf(hidden.slot) }] },
      req.t,
    )
    // The sentence itself, not "The following field is invalid": the admin's toast shows it.
    refusal.message = message
    throw refusal
  }
  return data
}

function pathOf(slot: PinRecord['slot']): string {
  if (slot.kind === 'lead') return 'lead'
  if (slot.kind === 'top') return `topStories.${slot.position - 1}.article`
  return 'deskRails'
}

/** Remembers each pin's headline, so the notice can name a story that is later deleted. */
export const rememberPins: GlobalBeforeChangeHook = async ({ data, req }) => {
  const pins = await lookUpPins(data as FrontPageDoc, req)
  const remembered: PinRecord[] = pins
    .filter((pin) => pin.headline !== null)
    .map((pin) => ({ id: pin.id, headline: pin.headline!, slot: pin.slot }))
  return { ...data, pinnedHeadlines: remembered }
}
