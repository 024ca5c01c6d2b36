/**
 * Plain share links: no scripts, no counters, nothing loaded from the
 * networks until the reader chooses one.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  const links = [
    { label: 'Email', href: `mailto:?subject=${t}&body=${u}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${t}%20${u}` },
    { label: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  ]
  return (
    <nav className="share" aria-label="Share this article">
      <span className="share__label">Share</span>
      <ul>
        {links.map((link) => (
          <li key={link.label}>
            <a
              href={link.href}
              rel="noopener noreferrer"
              target={link.label === 'Email' ? undefined : '_blank'}
            >
              {link.label}
              {link.label !== 'Email' && (
                <span className="visually-hidden"> (opens in a new tab)</span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
