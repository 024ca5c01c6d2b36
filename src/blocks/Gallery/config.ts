import type { Block } from 'payload'

export const GALLERY_MAX_IMAGES = 30

/** Several images in order, each with its own caption (the image's own caption when left empty). */
export const GalleryBlock: Block = {
  slug: 'gallery',
  interfaceName: 'GalleryBlock',
  labels: { singular: 'Gallery', plural: 'Galleries' },
  fields: [
    {
      name: 'caption',
      type: 'text',
      maxLength: 300,
      admin: { description: 'What the gallery shows, as a whole (optional).' },
    },
    {
      name: 'images',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: GALLERY_MAX_IMAGES,
      labels: { singular: 'Image', plural: 'Images' },
      fields: [
        { name: 'image', type: 'upload', relationTo: 'media', required: true },
        {
          name: 'caption',
          type: 'textarea',
          maxLength: 500,
          admin: { description: 'Shown under this image; the image’s own caption when empty.' },
        },
      ],
    },
  ],
}
