import { fileTypeFromBuffer } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'

import { UserFacingError } from '@/lib/errors'
import { acceptedImageTypes, imageTooLarge } from '@/uploads/limits'
import { readImageHeader } from '@/uploads/sharp'

const NOT_AN_IMAGE =
  'That file is not a JPEG, PNG, WebP, AVIF or GIF image, whatever its name says. Save it in one of those formats and upload it again.'

/**
 * An upload is judged by its bytes before Payload decodes anything: content
 * that is no accepted image (an SVG or a web page named .png) never reaches an
 * image parser, and a pixel bomb is refused from its header in milliseconds,
 * with the limit it broke.
 */
export const checkUploadedImage: CollectionBeforeOperationHook = async ({ args, req }) => {
  const data = req.file?.data
  if (!data || data.length === 0) return args
  const sniffed = await fileTypeFromBuffer(data)
  if (!sniffed || !acceptedImageTypes.includes(sniffed.mime)) {
    throw new UserFacingError(NOT_AN_IMAGE, 415)
  }
  const tooLarge = imageTooLarge(await readImageHeader(data))
  if (tooLarge) throw new UserFacingError(tooLarge, 413)
  return args
}
