'use client'

import { useDocumentInfo } from '@payloadcms/ui'

import { TakenOverDialog } from './TakenOverDialog'
import { useLockHolderName } from './useLockHolderName'
import { usePresence } from './usePresence'

import './presence.css'

/**
 * Beside the article's Save/Publish buttons: who else has this story open and which section they
 * are in, with "Take over" to stop their tabs saving; and, in a tab that was taken over, who did.
 */
export function Presence() {
  const { id } = useDocumentInfo()
  const { others, takenOverBy, takeOver } = usePresence(id)
  useLockHolderName(others)
  if (id === undefined) return null
  return (
    <div className="bs-presence">
      <div role="status" aria-live="polite" aria-label="Also editing this story">
        {others.length > 0 && (
          <ul className="bs-presence__list">
            {others.map((other) => (
              <li key={other.userId}>
                <strong>{other.name}</strong>{' '}
                {other.section ? `is in “${other.section.heading}”` : 'has this story open'}
              </li>
            ))}
          </ul>
        )}
      </div>
      {others.length > 0 && !takenOverBy && (
        <button type="button" className="bs-presence__take-over" onClick={() => void takeOver()}>
          Take over
        </button>
      )}
      {takenOverBy && <TakenOverDialog takeOver={takenOverBy} />}
    </div>
  )
}
