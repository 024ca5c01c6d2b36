'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

/**
 * "View on site", beside Preview: the live reader page, once a published version exists.
 * The server names the address (the published slug and desk, which a draft may have changed).
 */
export function ViewOnSite() {
  const { id, hasPublishedDoc, savedDocumentData } = useDocumentInfo()
  const [path, setPath] = useState<string | null>(null)

  useEffect(() => {
    if (!id || !hasPublishedDoc) return
    const controller = new AbortController()
    fetch(`/api/articles/${id}/live`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { path: null }))
      .then((body: { path?: string | null }) => setPath(body.path ?? null))
      .catch(() => {
        if (!controller.signal.aborted) setPath(null)
      })
    return () => controller.abort()
  }, [id, hasPublishedDoc, savedDocumentData])

  if (!hasPublishedDoc || !path) return null
  return (
    <a
      className="btn btn--style-secondary btn--size-medium bs-view-on-site"
      href={path}
      target="_blank"
      rel="noopener"
    >
      View on site
    </a>
  )
}
