'use client'

import { useRowLabel } from '@payloadcms/ui'

/** Labels each body section in the admin by its heading, so a long article is easy to navigate. */
export function SectionRowLabel() {
  const { data, rowNumber } = useRowLabel<{ heading?: string }>()
  const number = String((rowNumber ?? 0) + 1).padStart(2, '0')
  return <span>{data?.heading ? `${number}. ${data.heading}` : `Section ${number}`}</span>
}
