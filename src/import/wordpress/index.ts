import type { Payload } from 'payload'

import {
  type ArchiveOptions,
  type ArchiveOrigin,
  type ArchiveRecord,
  type ArchiveReport,
  importArchive,
} from '../archive'

import { readAuthor, readCategory, readItem, readTag, type WpItem } from './items'
import { readWxr } from './wxr'

export { countItems, WxrUnreadable } from './wxr'

/**
 * The WordPress (WXR) import: the export is streamed (src/import/wordpress/wxr.ts)
 * and each record handed to the archive import (src/import/archive.ts) as it
 * closes. Items are remembered by their WordPress GUID.
 */

export type WordPressOptions = ArchiveOptions
export type WordPressReport = ArchiveReport

export const wordpress: ArchiveOrigin = {
  name: 'WordPress',
  key: 'wordpress',
  source: (item, siteUrl) => `wordpress:${item.guid || `${siteUrl}/?p=${item.postId}`}`,
  oldPaths,
  deskPath: (path) => `/category/${path}`,
  tagPath: (slug) => `/tag/${slug}`,
}

/** An attachment as a featured image needs it: its file, alt text, caption and title. */
export interface WxrAttachment {
  url: string
  alt: string
  caption: string
  title: string
}

/**
 * One streaming pass that counts the items and keeps every attachment by its
 * post ID: a post names its featured image by ID, and WordPress usually lists
 * the attachment after the post.
 */
export async function scanExport(
  chunks: AsyncIterable<string | Buffer>,
): Promise<{ items: number; attachments: Map<string, WxrAttachment> }> {
  let items = 0
  const attachments = new Map<string, WxrAttachment>()
  for await (const record of readWxr(chunks)) {
    if (record.kind !== 'item') continue
    items += 1
    const item = readItem(record.element, record.line)
    if (item.type !== 'attachment' || !item.attachmentUrl) continue
    attachments.set(item.postId, {
      url: item.attachmentUrl,
      alt: item.alt ?? '',
      caption: item.excerpt,
      title: item.title,
    })
  }
  return { items, attachments }
}

export function importWordPress(
  payload: Payload,
  chunks: AsyncIterable<string | Buffer>,
  options: WordPressOptions = {},
): Promise<WordPressReport> {
  return importArchive(payload, records(chunks), wordpress, options)
}

async function* records(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<ArchiveRecord> {
  for await (const record of readWxr(chunks)) {
    switch (record.kind) {
      case 'channel':
        if (record.name === 'wp:base_site_url' || record.name === 'link') {
          yield { kind: 'site', url: record.text, authoritative: record.name !== 'link' }
        }
        break
      case 'author':
        yield { kind: 'author', author: readAuthor(record.element) }
        break
      case 'category':
        yield { kind: 'category', category: readCategory(record.element) }
        break
      case 'tag':
        yield { kind: 'tag', tag: readTag(record.element) }
        break
      case 'item':
        yield { kind: 'item', item: readItem(record.element, record.line) }
        break
      case 'term':
        break
    }
  }
}

/** The addresses a WordPress post was read at: its link, `/YYYY/MM/DD/slug/`, `/?p=ID`. */
function oldPaths(item: WpItem): string[] {
  const paths = new Set<string>()
  try {
    const link = new URL(item.link)
    if (link.pathname !== '/') paths.add(link.pathname)
  } catch {
    // no usable link
  }
  if (item.date && item.postName && item.type === 'post') {
    const [date] = item.date.split('T')
    paths.add(`/${date!.replaceAll('-', '/')}/${item.postName}/`)
  }
  if (item.type === 'page' && item.postName) paths.add(`/${item.postName}/`)
  if (item.postId) paths.add(`/?${item.type === 'page' ? 'page_id' : 'p'}=${item.postId}`)
  return [...paths]
}
