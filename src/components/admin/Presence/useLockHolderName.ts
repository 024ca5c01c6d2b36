'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import type { ClientUser } from 'payload'
import { useEffect } from 'react'

import type { OtherEditor } from '@/presence/store'

/**
 * Payload's document-lock dialog ("… is currently editing", with Take over) names the lock holder
 * by `email ?? id`, and an editor may not read a colleague's account, so it said "User: 2". The
 * holder is on the story, so presence knows their name: the dialog is given it (as the label it
 * shows, in this window only; nothing is read from or written to their account).
 */
export function useLockHolderName(others: OtherEditor[]) {
  const { currentEditor, setCurrentEditor } = useDocumentInfo()
  useEffect(() => {
    if (!setCurrentEditor || currentEditor === null || typeof currentEditor === 'object') return
    const holder = others.find((other) => String(other.userId) === String(currentEditor))
    if (holder) setCurrentEditor({ id: holder.userId, email: holder.name } as ClientUser)
  }, [currentEditor, others, setCurrentEditor])
}
