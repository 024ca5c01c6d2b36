import { childRaw, childrenNamed, childText, type XmlElement } from './wxr'

/** A WordPress author, category, tag and item as the export states them. */
export interface WpAuthor {
  login: string
  email: string
  displayName: string
}

export interface WpCategory {
  nicename: string
  name: string
  parent: string
  description: string
}

export interface WpTag {
  slug: string
  name: string
  description: string
}

export interface WpComment {
  id: string
  author: string
  email: string
  date: string | null
  content: string
  /** "1" approved, "0" pending, "spam", "trash". */
  approved: string
  type: string
  parent: string
}

export interface WpItem {
  /** The line of the export the item starts on; 0 when the format has no lines to name (JSON). */
  line: number
  title: string
  link: string
  guid: string
  postId: string
  postName: string
  /** ISO timestamp from post_date_gmt (or post_date read as UTC); null for "0000-00-00". */
  date: string | null
  status: string
  type: string
  password: string
  creator: string
  /** Further authors, after `creator` (Ghost's co-authors); WordPress has one. */
  coauthors?: string[]
  content: string
  excerpt: string
  commentStatus: string
  /** An attachment's file (`wp:attachment_url`). */
  attachmentUrl?: string
  /** A post's featured image, by the attachment's post ID (`_thumbnail_id`). */
  featuredImage?: string
  /** A featured image by its address, with its alt text and caption (Ghost). */
  featuredImageUrl?: string
  featuredImageAlt?: string
  featuredImageCaption?: string
  /** An attachment's alt text (`_wp_attachment_image_alt`). */
  alt?: string
  /** What the platform's reader noticed and the report should say (one line each). */
  remarks?: string[]
  categories: { nicename: string; name: string }[]
  tags: { nicename: string; name: string }[]
  comments: WpComment[]
}

/** "2024-05-01 09:30:00" (WordPress's GMT column) as ISO; null for its empty "0000-00-00 00:00:00". */
export function wpDate(gmt: string, local = ''): string | null {
  for (const value of [gmt, local]) {
    const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim())
    if (!match || match[1] === '0000') continue
    const date = new Date(
      `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`,
    )
    if (!Number.isNaN(date.getTime())) return date.toISOString()
  }
  return null
}

export function readAuthor(element: XmlElement): WpAuthor {
  return {
    login: childText(element, 'wp:author_login'),
    email: childText(element, 'wp:author_email'),
    displayName: childText(element, 'wp:author_display_name'),
  }
}

export function readCategory(element: XmlElement): WpCategory {
  return {
    nicename: childText(element, 'wp:category_nicename'),
    name: childText(element, 'wp:cat_name'),
    parent: childText(element, 'wp:category_parent'),
    description: childText(element, 'wp:category_description'),
  }
}

export function readTag(element: XmlElement): WpTag {
  return {
    slug: childText(element, 'wp:tag_slug'),
    name: childText(element, 'wp:tag_name'),
    description: childText(element, 'wp:tag_description'),
  }
}

/** The postmeta values the import reads, by key. */
function meta(element: XmlElement, key: string): string {
  const entry = childrenNamed(element, 'wp:postmeta').find(
    (postmeta) => childText(postmeta, 'wp:meta_key') === key,
  )
  return entry ? childText(entry, 'wp:meta_value') : ''
}

export function readItem(element: XmlElement, line: number): WpItem {
  const attachmentUrl = childText(element, 'wp:attachment_url')
  const featuredImage = meta(element, '_thumbnail_id')
  const alt = meta(element, '_wp_attachment_image_alt')
  const terms = (domain: string) =>
    childrenNamed(element, 'category')
      .filter((category) => category.attrs.domain === domain)
      .map((category) => ({ nicename: category.attrs.nicename ?? '', name: category.text.trim() }))
  return {
    line,
    title: childText(element, 'title'),
    link: childText(element, 'link'),
    guid: childText(element, 'guid'),
    postId: childText(element, 'wp:post_id'),
    postName: childText(element, 'wp:post_name'),
    date: wpDate(childText(element, 'wp:post_date_gmt'), childText(element, 'wp:post_date')),
    status: childText(element, 'wp:status'),
    type: childText(element, 'wp:post_type'),
    password: childText(element, 'wp:post_password'),
    creator: childText(element, 'dc:creator'),
    content: childRaw(element, 'content:encoded'),
    excerpt: childRaw(element, 'excerpt:encoded'),
    commentStatus: childText(element, 'wp:comment_status'),
    ...(attachmentUrl ? { attachmentUrl } : {}),
    ...(featuredImage ? { featuredImage } : {}),
    ...(alt ? { alt } : {}),
    categories: terms('category'),
    tags: terms('post_tag'),
    comments: childrenNamed(element, 'wp:comment').map((comment) => ({
      id: childText(comment, 'wp:comment_id'),
      author: childText(comment, 'wp:comment_author'),
      email: childText(comment, 'wp:comment_author_email'),
      date: wpDate(
        childText(comment, 'wp:comment_date_gmt'),
        childText(comment, 'wp:comment_date'),
      ),
      content: childRaw(comment, 'wp:comment_content'),
      approved: childText(comment, 'wp:comment_approved'),
      type: childText(comment, 'wp:comment_type'),
      parent: childText(comment, 'wp:comment_parent'),
    })),
  }
}
