import { ImageResponse } from 'next/og'

import { site } from '@/lib/site'

/** The publisher logo for structured data: 600 × 60, as Google asks of news publishers. */
export function GET() {
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        background: '#ffffff',
        color: '#1a1a1a',
        fontSize: 44,
        fontWeight: 700,
      }}
    >
      {site.name}
    </div>,
    { width: 600, height: 60 },
  )
}
