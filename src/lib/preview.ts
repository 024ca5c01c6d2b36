import { urls } from '@/lib/urls'

type PreviewDoc = Record<string, unknown> & { slug?: unknown; section?: unknown }

/**
 * The admin's "Preview" link: a route that checks the editor's login, turns on
 * Next.js draft mode and redirects to the article's public URL.
 */
export function previewPath(doc: PreviewDoc): string | null {
  const path = urls.article({
    slug: typeof doc.slug === 'string' ? doc.slug : null,
    section: doc.section as { slug?: string } | null,
  })
  return path ? `/next/preview?path=${encodeURIComponent(path)}` : null
}
