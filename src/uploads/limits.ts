/**
 * What an uploaded image may be on arrival, and what is kept of it. A PNG of a
 * few hundred kilobytes can declare 16000 × 16000 pixels, which decode to a
 * gigabyte: the size is read from the header and refused before any decoding.
 */
export const imageLimits = {
  /** The longest side, in pixels, an image may have on arrival. */
  maxSide: 10_000,
  /** The pixels an image may have on arrival, every frame of an animation counted (a 60 MP camera is refused, a 45 MP one is not). */
  maxPixels: 50_000_000,
  /** The longest side of the original as stored; larger ones are scaled down to it (the widest size shown is 1920). */
  storedMaxSide: 2560,
} as const

/** The image formats the newsroom uploads, recognised by their bytes (never by a file's name). */
export const acceptedImageTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
]

/** What an image's header says about its size (sharp's `metadata()`, which decodes nothing). */
export interface ImageHeader {
  width?: number
  height?: number
  /** For an animation: the height of one frame, and how many frames there are. */
  pageHeight?: number
  pages?: number
}

const count = (n: number) => n.toLocaleString('en-GB')

/** Why an image is too large to accept, in words for the person uploading it; null when it is not. */
export function imageTooLarge(header: ImageHeader): string | null {
  const width = header.width ?? 0
  const frames = Math.max(header.pages ?? 1, 1)
  const frameHeight = frames > 1 ? (header.pageHeight ?? header.height ?? 0) : (header.height ?? 0)
  const pixels = width * frameHeight * frames
  if (Math.max(width, frameHeight) <= imageLimits.maxSide && pixels <= imageLimits.maxPixels) {
    return null
  }
  const size = `${width} × ${frameHeight}${frames > 1 ? ` in ${frames} frames` : ''}`
  return (
    `An image may be at most ${count(imageLimits.maxSide)} pixels on its longest side and ` +
    `${imageLimits.maxPixels / 1_000_000} megapixels (${count(imageLimits.maxPixels)} pixels) in all` +
    `${frames > 1 ? ', every frame counted' : ''}; this one is ${size}, ${count(pixels)} pixels. ` +
    'Scale it down and upload it again.'
  )
}
