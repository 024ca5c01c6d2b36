'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

export interface CurrentVersion {
  /** The article's latest version, as stored (depth 0). */
  doc: Record<string, unknown>
  /** Its snapshot: what "keep my version" is checked against (editKeep). */
  over: number
}

type Loaded = { version: CurrentVersion | null; failed: boolean; for: string }

/**
 * The article's latest version while `conflict` (the refusal's sentence) is
 * shown: fetched once per conflict, so what was loaded for an earlier one is
 * never offered for this one.
 */
export function useCurrentVersion(conflict: string | null): {
  version: CurrentVersion | null
  failed: boolean
} {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    if (!conflict || id === undefined || id === null) return
    const controller = new AbortController()
    fetch(`${config.serverURL}${config.routes.api}/articles/${id}?draft=true&depth=0`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status))
        const doc = (await response.json()) as Record<string, unknown>
        setLoaded({ version: { doc, over: Number(doc.editBase) }, failed: false, for: conflict })
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') {
          setLoaded({ version: null, failed: true, for: conflict })
        }
      })
    return () => controller.abort()
  }, [conflict, id, config.serverURL, config.routes.api])

  if (!conflict || loaded?.for !== conflict) return { version: null, failed: false }
  return { version: loaded.version, failed: loaded.failed }
}
