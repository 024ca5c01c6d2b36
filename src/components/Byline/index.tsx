import type { Author } from '@/payload-types'

type AuthorRef = number | Pick<Author, 'id' | 'name'>

/** "By Archyde Staff", "By A and B", "By A, B and C". */
export function Byline({ authors }: { authors: AuthorRef[] | null | undefined }) {
  const names = (authors ?? [])
    .filter(
      (author): author is Pick<Author, 'id' | 'name'> =>
        typeof author === 'object' && author !== null,
    )
    .map((author) => author.name)
  if (names.length === 0) return null
  const joined =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return <span className="byline">By {joined}</span>
}
