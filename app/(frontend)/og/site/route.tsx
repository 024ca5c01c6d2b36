import { ImageResponse } from 'next/og'

import { ShareCard } from '@/components/ShareCard'
import { site } from '@/lib/site'

/** The share image of pages without one of their own (home, listings, search). */
export function GET() {
  return new ImageResponse(<ShareCard title={`${site.name}: ${site.tagline}`} />, {
    width: 1200,
    height: 630,
  })
}
