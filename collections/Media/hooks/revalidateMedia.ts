import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Media } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { imageFileNames } from '@/uploads/fileNames'
import { invalidateArticlesWhere } from '@/revalidation/articles'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

/**
 * The paths the app serves an image's files at (the original and every size),
 * which the proxy stores; the same whether the files are on disk or in a
 * bucket, and whether or not readers' pages point at S3_PUBLIC_URL instead.
 */
export function filePaths(doc: Pick<Media, 'filename' | 'sizes'> | null | undefined): string[] {
  return imageFileNames(doc).map((name) => `/api/media/file/${encodeURIComponent(name)}`)
}

/**
 * New alt text, caption or credit shows wherever the image is the hero; a
 * replaced file is fetched anew by the proxy.
 */
export const revalidateMedia: CollectionAfterChangeHook<Media> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'create') return doc
  // A byline's photo shows on its page and beside its name.
  const portraits = await req.payload.find({
    collection: 'authors',
    where: { photo: { equals: doc.id } },
    select: { slug: true },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const authorPages = portraits.docs.map((author) => urls.author(author)).filter((p) => p !== null)
  await invalidateArticlesWhere(
    req,
    { heroImage: { equals: doc.id } },
    {
      cacheTags: authorPages.length > 0 ? [cacheTags.bylines()] : [],
      paths: [...new Set([...filePaths(doc), ...filePaths(previousDoc), ...authorPages])],
    },
  )
  return doc
}

/** A deleted image stops being served by the proxy too. */
export const revalidateMediaDelete: CollectionAfterDeleteHook<Media> = ({ doc, req }) => {
  invalidate({ cacheTags: [], paths: [], removedPaths: filePaths(doc) }, scopeOf(req))
  return doc
}
