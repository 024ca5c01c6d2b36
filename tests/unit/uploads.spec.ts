import { describe, expect, it } from 'vitest'

import { imageLimits, imageTooLarge } from '@/uploads/limits'

describe('imageTooLarge', () => {
  it('accepts an image at the limits', () => {
    expect(imageTooLarge({ width: imageLimits.maxSide, height: 5000 })).toBeNull()
  })

  it('names both limits and the image’s own size when a side is too long', () => {
    expect(imageTooLarge({ width: 16_000, height: 900 })).toBe(
      'An image may be at most 10,000 pixels on its longest side and 50 megapixels ' +
        '(50,000,000 pixels) in all; this one is 16000 × 900, 14,400,000 pixels. ' +
        'Scale it down and upload it again.',
    )
  })

  it('counts every frame of an animation', () => {
    // 300 frames of 500 × 500: each is small, together they decode to 75 megapixels.
    expect(imageTooLarge({ width: 500, height: 150_000, pageHeight: 500, pages: 300 })).toBe(
      'An image may be at most 10,000 pixels on its longest side and 50 megapixels ' +
        '(50,000,000 pixels) in all, every frame counted; this one is 500 × 500 in 300 frames, ' +
        '75,000,000 pixels. Scale it down and upload it again.',
    )
  })
})
