import { urls } from '@/lib/urls'

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>We couldn’t find that page. It may have moved, or the address may be mistyped.</p>
      <p>
        <a href={urls.home()}>Go to the front page</a>
      </p>
    </div>
  )
}
