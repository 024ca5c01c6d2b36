/**
 * Publish → visible through the proxy: an editor PATCHes an article's
 * headline through the REST API; from the moment the PATCH returns, each
 * surface (the article, its desk, the home page, the RSS feed) is polled
 * through the proxy until the new headline shows.
 */
import { percentile } from './stats'

export interface Surface {
  name: string
  path: string
}

export interface PublishResult {
  publishes: number
  /** Time the PATCH itself took, ms. */
  patch: { p50: number; p95: number }
  surfaces: { name: string; path: string; p50: number; p95: number; max: number }[]
}

const POLL_MS = 10
const GIVE_UP_MS = 30_000

async function visibleAfter(url: string, token: string, since: number): Promise<number> {
  while (performance.now() - since < GIVE_UP_MS) {
    const response = await fetch(url)
    if ((await response.text()).includes(token)) return performance.now() - since
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  throw new Error(`${url} did not show "${token}" within ${GIVE_UP_MS / 1000} s of the publish`)
}

export async function measurePublishes(options: {
  app: string
  edge: string
  headers: Record<string, string>
  articleId: number
  headline: string
  surfaces: Surface[]
  publishes: number
}): Promise<PublishResult> {
  const patches: number[] = []
  const seen = options.surfaces.map(() => [] as number[])
  const run = Date.now().toString(36)
  for (let i = 0; i < options.publishes; i += 1) {
    // Land each publish at a random moment of the proxy's second.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000))
    const token = `update ${run}x${i}`
    const started = performance.now()
    const response = await fetch(`${options.app}/api/articles/${options.articleId}`, {
      method: 'PATCH',
      headers: { ...options.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ headline: `${options.headline} (${token})` }),
    })
    if (!response.ok) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`)
    const returned = performance.now()
    patches.push(returned - started)
    const times = await Promise.all(
      options.surfaces.map((surface) =>
        visibleAfter(`${options.edge}${surface.path}`, token, returned),
      ),
    )
    times.forEach((ms, s) => seen[s]!.push(ms))
  }
  const round = (ms: number) => Math.round(ms)
  return {
    publishes: options.publishes,
    patch: { p50: round(percentile(patches, 50)), p95: round(percentile(patches, 95)) },
    surfaces: options.surfaces.map((surface, s) => ({
      ...surface,
      p50: round(percentile(seen[s]!, 50)),
      p95: round(percentile(seen[s]!, 95)),
      max: round(Math.max(...seen[s]!)),
    })),
  }
}
