import type { Payload } from 'payload'

import { type ReadArticle, topArticles } from './store'

/** The rail: the five most-read published articles of the last 24 hours. */
export const MOST_READ_LIMIT = 5
export const MOST_READ_HOURS = 24

export function mostReadSince(now = Date.now()): Date {
  return new Date(now - MOST_READ_HOURS * 3_600_000)
}

/** The rail's articles, most read first. */
export function currentMostRead(payload: Payload): Promise<ReadArticle[]> {
  return topArticles(payload, { since: mostReadSince(), limit: MOST_READ_LIMIT })
}

/** What the rail shows, as one comparable string: its articles' ids in order. */
export function rankingOf(articles: Pick<ReadArticle, 'id'>[]): string {
  return articles.map((article) => article.id).join(',')
}
