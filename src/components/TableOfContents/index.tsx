import { urls } from '@/lib/urls'

/** A numbered list of the article's sections, each linking to its heading. */
export function TableOfContents({ entries }: { entries: { anchor: string; heading: string }[] }) {
  if (entries.length < 2) return null
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading" className="toc__title">
        Contents
      </h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.anchor}>
            <a href={urls.anchor(entry.anchor)}>{entry.heading}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
