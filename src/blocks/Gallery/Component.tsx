import { HeroImage } from '@/components/HeroImage'
import type { GalleryBlock, Media } from '@/payload-types'

/**
 * A gallery: one figure (named by its caption) holding a list of figures, in the editor's
 * order, each with its caption and credit. Images that were deleted are skipped.
 */
export function GalleryBlockView({ caption, images }: Pick<GalleryBlock, 'caption' | 'images'>) {
  const items = (images ?? []).filter((item): item is typeof item & { image: Media } =>
    Boolean(item.image && typeof item.image === 'object' && item.image.url),
  )
  if (items.length === 0) return null
  const label = caption?.trim() || undefined
  return (
    <figure
      className="gallery"
      aria-label={label ? undefined : `Gallery of ${items.length} images`}
    >
      <ul className="gallery__items">
        {items.map((item, index) => (
          <li key={item.id ?? index}>
            <HeroImage
              media={item.image}
              caption={item.caption}
              sizes="(min-width: 800px) 360px, 100vw"
              className="gallery__image"
            />
          </li>
        ))}
      </ul>
      {label && <figcaption className="gallery__caption">{label}</figcaption>}
    </figure>
  )
}
