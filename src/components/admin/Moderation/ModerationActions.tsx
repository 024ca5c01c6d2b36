'use client'

import { Button, toast, useConfig, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

const ACTIONS = [
  { status: 'approved', label: 'Approve', done: 'approved' },
  { status: 'rejected', label: 'Reject', done: 'rejected' },
  { status: 'spam', label: 'Mark as spam', done: 'marked as spam' },
] as const

/** Approve, reject or mark as spam every selected comment in one step. */
export function ModerationActions() {
  const { count, getQueryParams } = useSelection()
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)

  async function moderate(action: (typeof ACTIONS)[number]) {
    setBusy(true)
    try {
      const response = await fetch(`${config.routes.api}/comments${getQueryParams()}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: action.status }),
      })
      const result = (await response.json().catch(() => ({}))) as {
        docs?: unknown[]
        errors?: { message: string }[]
      }
      if (!response.ok || result.errors?.length) {
        toast.error(result.errors?.[0]?.message ?? 'The comments could not be updated.')
      } else {
        const n = result.docs?.length ?? 0
        toast.success(`${n} ${n === 1 ? 'comment' : 'comments'} ${action.done}.`)
      }
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="moderation-actions" role="group" aria-label="Moderate selected comments">
      <span className="moderation-actions__count">
        {count > 0 ? `${count} selected` : 'Select comments to moderate them'}
      </span>
      {ACTIONS.map((action) => (
        <Button
          key={action.status}
          buttonStyle={action.status === 'approved' ? 'primary' : 'secondary'}
          size="small"
          disabled={count === 0 || busy}
          onClick={() => moderate(action)}
        >
          {action.label}
        </Button>
      ))}
    </div>
  )
}
