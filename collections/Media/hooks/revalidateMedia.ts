import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
} from 'payload'

import { imageKeyPath } from '@/edge/keys'
import { urls } from '@/lib/urls'
import type { Media } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { imageFileNames } from '@/uploads/fileNames'
import {
  findPublishedArticles,
  invalidateArticlesWhere,
  invalidationFor,
} from '@/revalidation/articles'
import { articlesShowingImage } from '@/revalidation/images'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

/**
 * The paths the app serves an image's files at (the original and every size),
 * which the proxy stores; the same whether the files are on disk or in a
 * bucket, and whether or not readers' pages point at S3_PUBLIC_URL instead.
 */
export function filePaths(doc: Pick<Media, 'filename' | 'sizes'> | null | undefined): string[] {
  const names = imageFileNames(doc)
  // And the paths the pages showing them are keyed under (src/edge/keys.ts).
  return [
    ...new Set([
      ...names.map((name) => `/api/media/file/${encodeURIComponent(name)}`),
      ...names.map(imageKeyPath),
    ]),
  ]
}

/**
 * New alt text, caption or credit (or a replaced file) shows on every
 * article that uses the image — as its hero, its share image or inside its
 * text — and on the lists that show its hero; the file itself is fetched anew
 * by the proxy.
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
  await invalidateArticlesWhere(req, await articlesShowingImage(req, doc.id), {
    cacheTags: authorPages.length > 0 ? [cacheTags.bylines()] : [],
    paths: [...new Set([...filePaths(doc), ...filePaths(previousDoc), ...authorPages])],
  })
  return doc
}

const SHOWN_ON = 'mediaShownOn'

/**
 * Before an image is deleted, the articles that show it: once it is gone the
 * database has set their hero and share image to null, so afterwards they
 * could no longer be found.
 */
export const findPagesShowingMedia: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (req.context?.disableRevalidate) return
  const articles = await findPublishedArticles(req, await articlesShowingImage(req, Number(id)))
  req.context[`${SHOWN_ON}:${id}`] = articles
}

/**
 * A deleted image stops being served by the proxy, and the pages that showed
 * it are refreshed (they no longer point at its files).
 */
export const revalidateMediaDelete: CollectionAfterDeleteHook<Media> = ({ doc, id, req }) => {
  const shownOn = req.context?.[`${SHOWN_ON}:${id}`] as Parameters<typeof invalidationFor>[0]
  const affected = shownOn?.length ? invalidationFor(shownOn) : { cacheTags: [], paths: [] }
  invalidate({ ...affected, removedPaths: filePaths(doc) }, scopeOf(req))
  return doc
}
