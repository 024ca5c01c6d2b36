'use client'

import { useField, useForm, useFormModified } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { OtherEditor, TakeOver } from '@/presence/store'

import { bodyRowIndex, newSessionId } from './session'

/** How often the tab says it is still here; the server forgets a tab after 15 s of silence. */
export const HEARTBEAT_MS = 3_000

interface Answer {
  takenOverBy: TakeOver | null
  others: OtherEditor[]
}

export interface Presence {
  others: OtherEditor[]
  takenOverBy: TakeOver | null
  takeOver: () => Promise<void>
}

/**
 * Presence of this editor tab on article `articleId`: a heartbeat every few seconds with the body
 * section the editor's focus is in; the others on the story; and, once someone takes over, who
 * did. From then on this tab never saves, while what was typed stays in the window: its form is
 * disabled (Payload's submit, autosave's included, does nothing then) and never counts as
 * changed (so neither autosave nor the form-state request, which would take Payload's document
 * lock back from the person who took over, starts at all).
 */
export function usePresence(articleId: number | string | undefined): Presence {
  const form = useForm()
  const modified = useFormModified()
  const formRef = useRef(form)
  useEffect(() => {
    formRef.current = form
  })
  const [session] = useState(newSessionId)
  const { value: sentSession, setValue: setSession } = useField<string>({ path: 'editSession' })
  const [others, setOthers] = useState<OtherEditor[]>([])
  const [takenOverBy, setTakenOverBy] = useState<TakeOver | null>(null)
  const [denied, setDenied] = useState(false)
  const sectionRow = useRef<number | null>(null)
  const url = articleId === undefined ? null : `/api/articles/${articleId}/presence`

  // Every save carries this tab's session, so the server can refuse a tab that was taken over.
  // The form's own resets (its initial state arriving, a save's answer) drop the value, sometimes
  // in the same render as it was set: after every render, put it back if it is missing (without
  // marking the form changed).
  useEffect(() => {
    if (url && sentSession !== session) setSession(session, true)
  })

  const section = useCallback(() => {
    const index = sectionRow.current
    if (index === null) return null
    const { getDataByPath } = formRef.current
    const id = getDataByPath<string>(`body.${index}.id`)
    if (!id) return null
    const heading = getDataByPath<string>(`body.${index}.heading`)?.trim()
    return { id: String(id), heading: heading || `Section ${index + 1}` }
  }, [])

  const beat = useCallback(async () => {
    if (!url) return
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session, section: section() }),
      })
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        setDenied(true)
        return
      }
      if (!response.ok) return
      const answer = (await response.json()) as Answer
      setOthers(answer.others)
      if (answer.takenOverBy) setTakenOverBy(answer.takenOverBy)
    } catch {
      // Offline for a moment: the next heartbeat tries again.
    }
  }, [url, session, section])

  // The heartbeat, for as long as this person may edit the story.
  useEffect(() => {
    if (!url || denied) return
    const first = setTimeout(() => void beat(), 0)
    const timer = setInterval(() => void beat(), HEARTBEAT_MS)
    const onFocus = (event: FocusEvent) => {
      const index = bodyRowIndex(event.target)
      if (index === sectionRow.current) return
      sectionRow.current = index
      void beat()
    }
    const leave = () => {
      void fetch(`${url}?session=${session}`, {
        method: 'DELETE',
        credentials: 'include',
        keepalive: true,
      }).catch(() => undefined)
    }
    document.addEventListener('focusin', onFocus)
    window.addEventListener('pagehide', leave)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
      document.removeEventListener('focusin', onFocus)
      window.removeEventListener('pagehide', leave)
      leave()
    }
  }, [url, denied, beat, session])

  // Taken over: the form stays disabled and unchanged. Payload re-enables a form after a save that
  // was under way and when its own read-only state changes, so this holds it, not just sets it once.
  useEffect(() => {
    if (!takenOverBy) return
    const hold = () => {
      if (!formRef.current.disabled) formRef.current.setDisabled(true)
    }
    hold()
    const timer = setInterval(hold, 200)
    return () => clearInterval(timer)
  }, [takenOverBy])
  useEffect(() => {
    // Runs right after the keystroke's render, well before the form's 250 ms change debounce.
    if (takenOverBy && modified) formRef.current.setModified(false)
  }, [takenOverBy, modified])

  const takeOver = useCallback(async () => {
    if (!url) return
    const response = await fetch(`${url}/take-over`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session }),
    })
    if (response.ok) await beat()
  }, [url, session, beat])

  // Payload's own "Take over" (its document-lock dialog and the button beside the controls)
  // takes over presence too, so the other editor is told and stops saving.
  useEffect(() => {
    if (!url) return
    const onClick = (event: MouseEvent) => {
      if (
        event.target instanceof Element &&
        event.target.closest('#document-locked-take-over, #take-over')
      ) {
        void takeOver()
      }
    }
    document.addEventListener('click', onClick, true)
    return () => document.removeEventListener('click', onClick, true)
  }, [url, takeOver])

  return { others: denied ? [] : others, takenOverBy, takeOver }
}
