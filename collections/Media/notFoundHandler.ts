import { existsSync } from 'node:fs'
import path from 'node:path'

import type { PayloadRequest } from 'payload'

/**
 * Payload answers a request for a file that isn't on disk with a 500; a
 * mistyped or stale image URL is the reader's 404, not a server error.
 */
export function missingFileIs404(staticDir: string) {
  const root = path.resolve(staticDir)
  return (_req: PayloadRequest, { params }: { params: { filename: string } }): Response | void => {
    const filePath = path.resolve(root, params.filename)
    if (!filePath.startsWith(root + path.sep)) {
      return Response.json(
        { errors: [{ message: 'That is not a valid image file name.' }] },
        { status: 400 },
      )
    }
    if (!existsSync(filePath)) {
      return Response.json(
        { errors: [{ message: 'No image with that file name exists.' }] },
        { status: 404 },
      )
    }
  }
}
