import pLimit from 'p-limit'
import type { SharpDependency } from 'payload'
import sharp, { type Sharp } from 'sharp'

import { imageLimits } from './limits'

// An upload is decoded once; libvips' operation cache would only keep its pixels in memory.
sharp.cache(false)

/**
 * Decoding is where an image costs memory (its pixels, per pipeline, in every
 * libvips thread's buffers). One pipeline at a time, process-wide, bounds that
 * by the largest image allowed rather than by how many people upload at once;
 * an image's sizes and a second upload wait their turn.
 */
const decodeSlot = pLimit(1)

type Output = (...args: unknown[]) => Promise<unknown>

/** Makes an image's outputs (where decoding happens) wait for the decode slot; so does every clone. */
function bounded(image: Sharp): Sharp {
  for (const method of ['toBuffer', 'toFile'] as const) {
    const original = image[method] as unknown as Output
    const waiting: Output = (...args) => {
      if (typeof args.at(-1) === 'function') {
        throw new Error(`Call ${method}() without a callback, so that it can wait for its turn.`)
      }
      return decodeSlot(() => original.apply(image, args))
    }
    Object.assign(image, { [method]: waiting })
  }
  const clone = image.clone.bind(image)
  image.clone = () => bounded(clone())
  return image
}

/**
 * The sharp Payload processes uploads with: at most the allowed pixels decoded
 * (a second guard behind the header check), and one decode at a time.
 */
export const uploadSharp: SharpDependency = (input, options) =>
  bounded(sharp(input, { limitInputPixels: imageLimits.maxPixels, ...options }))

/** An image's size from its header, decoding no pixels. */
export function readImageHeader(data: Buffer) {
  return sharp(data).metadata()
}
