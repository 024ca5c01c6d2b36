import type { PinProblem, Slot } from './resolve'

/** A slot as an editor calls it: "lead", "top story 2", "World rail". */
export function slotName(slot: Slot): string {
  if (slot.kind === 'lead') return 'lead'
  if (slot.kind === 'top') return `top story ${slot.position}`
  return `${slot.desk} rail`
}

/** The notice on the Front page edit view for a pin readers no longer see. */
export function problemNotice(problem: PinProblem): string {
  const gone = problem.reason === 'deleted' ? 'was deleted' : 'is no longer published'
  const { slot, headline, replacement } = problem
  if (slot.kind === 'lead') {
    const instead = replacement
      ? `readers see the latest story, “${replacement}”`
      : 'readers see no lead'
    return `The pinned lead “${headline}” ${gone}, so ${instead}. Pick another lead or clear the pin.`
  }
  if (slot.kind === 'top') {
    const instead = replacement
      ? `readers see the next latest story, “${replacement}”, in its place`
      : 'its slot stays empty'
    return `The pinned ${slotName(slot)}, “${headline}”, ${gone}, so ${instead}. Pick another story or remove the row.`
  }
  return `The story pinned to the ${slotName(slot)}, “${headline}”, ${gone}, so readers see the desk’s latest stories instead. Pick another story or remove the pin.`
}

/** Why publishing the front page is refused: a pin readers could not see. */
export function unpublishedPinRefusal(slot: Slot, headline: string): string {
  const where =
    slot.kind === 'rail'
      ? `pinned to the ${slotName(slot)}`
      : `pinned as ${slot.kind === 'lead' ? 'the lead' : slotName(slot)}`
  return `“${headline}” is ${where} but is not published, so the front page cannot be published with it. Publish the story first, or pick another.`
}
