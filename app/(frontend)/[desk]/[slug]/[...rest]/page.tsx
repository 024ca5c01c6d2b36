import { notFound } from 'next/navigation'

/** No reader URL is deeper than /{section}/{article}: answer with the site's 404 page. */
export default function DeeperPath(): never {
  notFound()
}
