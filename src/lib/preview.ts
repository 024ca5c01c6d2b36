import type { PayloadRequest } from 'payload'

import { articlePath } from '@/lib/articlePath'

type PreviewDoc = Record<string, unknown> & { slug?: unknown; section?: unknown }

/**
 * The admin's "Preview" link: a route that checks the editor's login, turns on
 * Next.js draft mode and redirects to the article's public URL. The admin
 * holds the desk as an id; the article-path rule looks its slug up.
 */
export async function articlePreviewPath(
  doc: PreviewDoc,
  req: PayloadRequest,
): Promise<string | null> {
  const path = await articlePath(
    { slug: typeof doc.slug === 'string' ? doc.slug : null, section: doc.section },
    req.payload,
    req,
  )
  return path ? `/next/preview?path=${encodeURIComponent(path)}` : null
}

/**
 * The live preview window's address: the preview route on the host the editor
 * is using (the admin and the site share one origin, so the draft-mode cookie
 * and the admin's save messages stay same-origin). Behind a TLS-terminating
 * proxy the request arrives as http; the proxy's X-Forwarded-Proto (or the
 * configured site URL for the same host) keeps the frame on https, which
 * browsers require inside an https admin.
 */
export async function livePreviewUrl(
  doc: PreviewDoc,
  req: PayloadRequest,
  siteUrl: string,
): Promise<string | null> {
  const path = await articlePreviewPath(doc, req)
  return path ? `${previewOrigin(req, siteUrl)}${path}` : null
}

/** The Front page's live preview: the home page in draft mode. */
export function frontPageLivePreviewUrl(req: PayloadRequest, siteUrl: string): string {
  return `${previewOrigin(req, siteUrl)}/next/preview?path=${encodeURIComponent('/')}`
}

function previewOrigin(req: PayloadRequest, siteUrl: string): string {
  const origin = new URL(req.origin || siteUrl)
  const site = new URL(siteUrl)
  const forwarded = req.headers?.get('x-forwarded-proto')?.split(',')[0]?.trim()
  if (forwarded === 'https' || (site.host === origin.host && site.protocol === 'https:')) {
    origin.protocol = 'https:'
  }
  return origin.origin
}
