import { formatDateTime } from '@/lib/dates'
import type { Article } from '@/payload-types'

const LABEL = { correction: 'Correction', update: 'Update' } as const

/** The article's corrections and updates, newest first, at its end. */
export function Corrections({ entries }: { entries: Article['corrections'] }) {
  const list = [...(entries ?? [])].sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
  if (list.length === 0) return null
  return (
    <section className="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">Corrections and updates</h2>
      <ol>
        {list.map((entry, index) => (
          <li key={entry.id ?? index}>
            <strong>{LABEL[entry.kind]}</strong>,{' '}
            <time dateTime={entry.date}>{formatDateTime(entry.date)}</time>: {entry.text}
          </li>
        ))}
      </ol>
    </section>
  )
}
