import { site } from '@/lib/site'

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        {site.name} — {site.tagline}. No trackers, no third-party scripts.
      </p>
    </footer>
  )
}
