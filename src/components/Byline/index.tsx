import { Fragment } from 'react'

import { urls } from '@/lib/urls'
import type { Author } from '@/payload-types'
import { populated } from '@/lib/relations'

type AuthorRef = number | Pick<Author, 'id' | 'name'> | Pick<Author, 'id' | 'name' | 'slug'>

/** "By Archyde Staff", "By A and B", "By A, B and C"; each name links to the byline's page. */
export function Byline({ authors }: { authors: AuthorRef[] | null | undefined }) {
  const people = populated<Exclude<AuthorRef, number>>(authors)
  if (people.length === 0) return null
  return (
    <span className="byline">
      By{' '}
      {people.map((author, index) => {
        const href = 'slug' in author ? urls.author(author) : null
        const separator = index === 0 ? '' : index === people.length - 1 ? ' and ' : ', '
        return (
          <Fragment key={author.id}>
            {separator}
            {href ? <a href={href}>{author.name}</a> : author.name}
          </Fragment>
        )
      })}
    </span>
  )
}
