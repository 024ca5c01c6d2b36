import { site } from '@/lib/site'

/** The drawn share image (1200 × 630) for pages without a photo: next/og renders it to PNG. */
export function ShareCard({ kicker, title }: { kicker?: string; title: string }) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: '#fbfaf7',
        color: '#1a1a1a',
        borderTop: '24px solid #8a1c1c',
      }}
    >
      <div style={{ display: 'flex', fontSize: 34, color: '#8a1c1c', textTransform: 'uppercase' }}>
        {kicker ?? site.tagline}
      </div>
      <div style={{ display: 'flex', fontSize: title.length > 90 ? 52 : 64, lineHeight: 1.15 }}>
        {title}
      </div>
      <div style={{ display: 'flex', fontSize: 40, fontWeight: 700 }}>{site.name}</div>
    </div>
  )
}
