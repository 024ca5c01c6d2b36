import { urls } from '@/lib/urls'

/** Previous/next links between pages of a listing: real URLs that work without JavaScript. */
export function Pagination({
  path,
  page,
  totalPages,
}: {
  path: string
  page: number
  totalPages: number
}) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={urls.page(path, page - 1)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={urls.page(path, page + 1)} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}

/**
 * The page number from `?page=`: a whole number from 1, else null (the page
 * then answers 404, as an out-of-range page does).
 */
export function parsePage(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) return null
  return Number(value)
}
