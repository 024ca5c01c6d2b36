import type { Media } from '@/payload-types'
import type { AuthorPageData } from '@/queries/listings'

/** Who a byline is: photo, name, job title and bio, at the head of their page. */
export function AuthorProfile({ author }: { author: AuthorPageData }) {
  const photo = typeof author.photo === 'object' && author.photo ? author.photo : null
  return (
    <div className="author">
      {photo && <Photo media={photo} name={author.name} />}
      <div>
        <h1>{author.name}</h1>
        {author.jobTitle && <p className="kicker">{author.jobTitle}</p>}
        {author.bio && <p className="dek">{author.bio}</p>}
      </div>
    </div>
  )
}

function Photo({ media, name }: { media: Media; name: string }) {
  const thumb = media.sizes?.thumbnail
  const src = thumb?.url ?? media.url
  if (!src) return null
  return (
    <img
      className="author__photo"
      src={src}
      alt={media.alt || name}
      width={thumb?.width ?? media.width ?? 400}
      height={thumb?.height ?? media.height ?? 400}
    />
  )
}
