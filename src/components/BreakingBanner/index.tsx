import type { BreakingStory } from '@/queries/breaking'

/**
 * The site-wide banner for the story breaking now: a labelled region just below the header,
 * rendered only while there is one (so pages without it keep their layout).
 */
export function BreakingBanner({ story }: { story: BreakingStory }) {
  return (
    <section className="breaking-banner" aria-label="Breaking news">
      <p className="breaking-banner__inner">
        <strong className="breaking-banner__label">Breaking</strong>{' '}
        <a className="breaking-banner__link" href={story.path}>
          {story.headline}
        </a>
      </p>
    </section>
  )
}
