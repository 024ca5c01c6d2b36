'use client'

import { useEffect, useRef } from 'react'

import type { TakeOver } from '@/presence/store'

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
}

/**
 * Shown at once in a tab that someone took over: a modal dialog, then a banner that stays. The
 * form behind it keeps what was typed (nothing is reset) but no longer saves.
 */
export function TakenOverDialog({ takeOver }: { takeOver: TakeOver }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal()
  }, [])
  const title = `${takeOver.name} took over this story`
  const explanation =
    'Saving has stopped in this window: nothing more you type here is saved, and anything typed since the last save was not saved. It is still here — copy what you need, then reload the story to edit again.'
  return (
    <>
      <p className="bs-presence__banner" role="alert">
        <strong>{title}</strong> at {clock(takeOver.at)}. {explanation}
      </p>
      <dialog ref={dialog} className="bs-presence__dialog" aria-labelledby="bs-taken-over-title">
        <h2 id="bs-taken-over-title">{title}</h2>
        <p>{explanation}</p>
        {/* Not a <form method="dialog">: this sits inside the article's own form. */}
        <button type="button" onClick={() => dialog.current?.close()}>
          Keep my text in view
        </button>
      </dialog>
    </>
  )
}
