import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { idOf } from '@/lib/ids'

import { sessionInput } from './input'
import { takenOver } from './store'

/** When a take-over happened, as a reader in the newsroom says it ("18:42 UTC"). */
function clock(iso: string): string {
  return `${new Date(iso).toISOString().slice(11, 16)} UTC`
}

/**
 * A save (autosave, save, publish) from an editor tab that someone took over is refused with a
 * 409 naming who took over, so a stale tab can never overwrite the story: the tab sends its
 * session in the hidden `editSession` field (src/components/admin/Presence). Saves without one
 * (REST scripts, the Local API, seeds) are not presence's business.
 */
export const refuseTakenOverSave: CollectionBeforeOperationHook<'articles'> = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'update') return args
  const { id, data } = args as { id?: unknown; data?: { editSession?: unknown } }
  const articleId = idOf(id)
  const session = sessionInput.safeParse({ session: data?.editSession })
  if (articleId === null || !session.success) return args
  const takeOver = await takenOver(req.payload, articleId, session.data.session)
  if (takeOver) {
    const refusal = new APIError(
      `${takeOver.name} took over this story at ${clock(takeOver.at)}, so this save was not made. What you typed is still in your window: copy it, then reload the story to edit again.`,
      409,
      null,
      true,
    )
    // Payload's REST answer keeps the message of an error that has a name; in a production build
    // the class name it would take is mangled away ("An unknown error occurred." instead). Named
    // as Payload's own refusal of a save on a document someone else holds, it is also logged as
    // that is: one line at info level, not an error with a stack.
    refusal.name = 'Locked'
    throw refusal
  }
  return args
}
