/**
 * Every cache tag, as builder functions. Queries tag what they read with these;
 * collection hooks revalidate with the same builders, so the two can't drift.
 */
export const cacheTags = {
  /** Any list of articles: home, section pages (and later tags, authors, feeds). */
  articleLists: () => 'article-lists',
  /** The breaking-news banner on every reader page: which story is breaking now. */
  breaking: () => 'breaking',
  /** One article page, by its public path. */
  articlePage: (path: string) => `article-page:${path}`,
  /** The desks: navigation, desk pages, and the desk names on article cards. */
  desks: () => 'desks',
  /** Topic names and descriptions (tag pages, article tag links). */
  topics: () => 'topics',
  /** Bylines' names, bios and photos (author pages, bylines). */
  bylines: () => 'bylines',
  /** The approved comments shown under one article. */
  articleComments: (articleId: number) => `article-comments:${articleId}`,
  /** Approved-comment counts on article pages and lists. */
  commentCounts: () => 'comment-counts',
  /** What the editors pinned on the front page (its published version). */
  frontPage: () => 'front-page',
  /** Comment settings shown on pages (whether comments are still open). */
  commentSettings: () => 'comment-settings',
  /** The "Most read" rail on the home page (re-ranked by src/mostRead/refresh.ts). */
  mostRead: () => 'most-read',
} as const
