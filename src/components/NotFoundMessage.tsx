import { MAX_QUERY_LENGTH } from '@/lib/search'
import { urls } from '@/lib/urls'

/** What a reader reads on a page that does not exist (app/(frontend)/not-found.tsx and the 404 document). */
export function NotFoundMessage() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>We couldn’t find that page. It may have moved, or the address may be mistyped.</p>
      <form
        action={urls.search()}
        method="get"
        role="search"
        className="search__form not-found__search"
      >
        <label htmlFor="not-found-q">Search articles</label>
        <input id="not-found-q" name="q" type="search" maxLength={MAX_QUERY_LENGTH} />
        <button type="submit">Search</button>
      </form>
      <p>
        <a href={urls.home()}>Go to the front page</a>
      </p>
    </div>
  )
}
