import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { contributedByStaff } from '@/access/referenceData'
import { createdByField } from '@/fields/createdBy'
import { env } from '@/env'

import { acceptedImageTypes, imageLimits } from '@/uploads/limits'

import { checkUploadedImage } from './hooks/checkUploadedImage'
import {
  findPagesShowingMedia,
  revalidateMedia,
  revalidateMediaDelete,
} from './hooks/revalidateMedia'
import { missingFileIs404 } from './notFoundHandler'

const staticDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.MEDIA_DIR)

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Image', plural: 'Images' },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'],
    listSearchableFields: ['alt', 'caption', 'credit', 'filename'],
    group: 'Newsroom',
  },
  access: contributedByStaff,
  upload: {
    staticDir,
    // In a bucket (src/uploads/storage.ts), the adapter's handler answers a missing file with 404 itself.
    handlers: env.S3 ? [] : [missingFileIs404(staticDir)],
    mimeTypes: acceptedImageTypes,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    // The original is kept at most this large: a camera's 8000 px file is never served.
    resizeOptions: {
      width: imageLimits.storedMaxSide,
      height: imageLimits.storedMaxSide,
      fit: 'inside',
      withoutEnlargement: true,
    },
    formatOptions: { format: 'webp', options: { quality: 82 } },
    imageSizes: [
      {
        name: 'thumbnail',
        width: 400,
        formatOptions: { format: 'webp', options: { quality: 80 } },
      },
      { name: 'card', width: 768, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'feature', width: 1280, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'wide', width: 1920, formatOptions: { format: 'webp', options: { quality: 78 } } },
    ],
  },
  fields: [
    createdByField,
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 250,
      admin: { description: 'What the image shows, for readers who cannot see it.' },
    },
    { name: 'caption', type: 'textarea', maxLength: 500 },
    { name: 'credit', type: 'text', maxLength: 120 },
    {
      // Where an archive import found this image (src/import/archive.ts): a re-run reuses it.
      name: 'importedFrom',
      label: 'Imported from',
      type: 'text',
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.importedFrom),
      },
    },
    // storage-s3's folder field, declared here so the schema (and payload-types.ts) is the same
    // with and without S3_BUCKET: the adapter adds it only when it is off. Always '' here.
    { name: 'prefix', type: 'text', defaultValue: '', admin: { hidden: true, readOnly: true } },
  ],
  hooks: {
    beforeOperation: [checkUploadedImage],
    afterChange: [revalidateMedia],
    beforeDelete: [findPagesShowingMedia],
    afterDelete: [revalidateMediaDelete],
  },
}
