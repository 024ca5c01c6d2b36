import { describe, expect, it } from 'vitest'

import { filePaths } from '@/collections/Media/hooks/revalidateMedia'
import { imageKeys, pathKey } from '@/edge/keys'

describe('the keys of the images a page shows', () => {
  it('names each image once, by its original file, whatever size or address the page uses', () => {
    const html = `<img src="/api/media/file/quay-1920x1200.webp" srcset="/api/media/file/quay-400x250.webp 400w, http://127.0.0.1:3000/api/media/file/quay-768x480.webp 768w">
      <meta property="og:image" content="https://site.example/api/media/file/share%20card.webp?2026">
      <img src="https://media.example.com/uploads/harbour-1280x800.webp">
      <script>self.__next_f.push([1,"{\\"src\\":\\"/api/media/file/quay-400x250.webp\\"}"])</script>`
    expect(imageKeys(html, 'https://media.example.com/')).toEqual([
      'path:/api/media/file/quay.webp',
      'path:/api/media/file/share%20card.webp',
      'path:/api/media/file/harbour.webp',
    ])
    expect(imageKeys(html)).toHaveLength(2)
    expect(imageKeys('<p>No pictures</p>')).toEqual([])
  })

  it('are purged by a change to the image, even when its original is itself named like a size', () => {
    const image = {
      filename: 'photo-1600x900.jpg',
      sizes: { card: { filename: 'photo-1600x900-400x225.jpg' } },
    }
    const purged = new Set(filePaths(image).map(pathKey))
    for (const html of [
      '<meta property="og:image" content="/api/media/file/photo-1600x900.jpg">',
      '<img src="/api/media/file/photo-1600x900-400x225.jpg">',
    ]) {
      const keys = imageKeys(html)
      expect(keys).toHaveLength(1)
      expect(purged.has(keys[0]!), html).toBe(true)
    }
  })
})
