import type { Metadata, Viewport } from 'next'
import type React from 'react'

import { BreakingBanner } from '@/components/BreakingBanner'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { env } from '@/env'
import { feedAlternates } from '@/lib/feedAlternates'
import { site } from '@/lib/site'
import { urls } from '@/lib/urls'
import { getBreakingStory } from '@/queries/breaking'
import { getDesks } from '@/queries/desks'

import './styles.css'

export const metadata: Metadata = {
  metadataBase: new URL(env.NEXT_PUBLIC_SERVER_URL),
  title: { default: `${site.name} — ${site.tagline}`, template: `%s — ${site.name}` },
  description: `${site.name}: ${site.tagline}.`,
  alternates: { types: feedAlternates() },
  openGraph: {
    type: 'website',
    siteName: site.name,
    images: [{ url: urls.ogImage(), width: 1200, height: 630 }],
  },
  twitter: { card: 'summary_large_image' },
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#16171a' },
  ],
}

export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const [sections, breaking] = await Promise.all([getDesks(), getBreakingStory()])
  return (
    <html lang={site.language}>
      <body>
        <SiteHeader sections={sections} />
        {breaking && <BreakingBanner story={breaking} />}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
