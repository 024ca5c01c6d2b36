import { preload } from 'react-dom'

import type { Media } from '@/payload-types'

/** An image's sizes made at upload, as `src` (the largest) and `srcSet`. */
export function imageSources(media: Media): { src: string; srcSet: string } {
  const candidates = Object.values(media.sizes ?? {})
    .filter((size): size is { url: string; width: number } => Boolean(size?.url && size.width))
    .sort((a, b) => a.width - b.width)
  return {
    src: candidates.at(-1)?.url ?? media.url ?? '',
    srcSet: candidates.map((size) => `${size.url} ${size.width}w`).join(', '),
  }
}

/**
 * A responsive image from the sizes made at upload: width and height reserve
 * its space (no layout shift); the browser picks the smallest size that fits.
 * A `priority` image (the page's largest, above the fold) loads eagerly at high
 * priority and is preloaded from the head (`<link rel=preload as=image imagesrcset imagesizes>`),
 * so the browser fetches the size it will show before it has laid out the page.
 */
export function HeroImage({
  media,
  sizes = '(min-width: 1100px) 1040px, 100vw',
  priority = false,
  showCaption = true,
  className = 'hero',
  caption: captionOverride,
}: {
  media: number | Media | null | undefined
  sizes?: string
  priority?: boolean
  showCaption?: boolean
  /** `hero` above the article; `inline-image` for an image in the text; `gallery__image` in a gallery. */
  className?: string
  /** Shown instead of the image's own caption (a gallery's caption for this use); empty: the image's. */
  caption?: string | null
}) {
  if (!media || typeof media !== 'object' || !media.url) return null
  const { src, srcSet } = imageSources(media)
  const caption = [
    captionOverride?.trim() || media.caption,
    media.credit ? `Credit: ${media.credit}` : null,
  ]
    .filter(Boolean)
    .join(' ')
  if (priority) {
    preload(src, {
      as: 'image',
      fetchPriority: 'high',
      ...(srcSet && { imageSrcSet: srcSet, imageSizes: sizes }),
    })
  }
  return (
    <figure className={className}>
      <img
        src={src}
        srcSet={srcSet || undefined}
        sizes={srcSet ? sizes : undefined}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        alt={media.alt}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding="async"
      />
      {showCaption && caption && <figcaption>{caption}</figcaption>}
    </figure>
  )
}
