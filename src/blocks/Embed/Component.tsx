import { HeroImage } from '@/components/HeroImage'
import { safeHref } from '@/lib/safeHref'
import type { EmbedBlock, Media } from '@/payload-types'

import { EmbedPlayer } from './Player'

/**
 * An embed as readers get it: the card made when the article was saved —
 * thumbnail (from Media, on this site), title, author and provider, a link to
 * the original — and, when the provider has a player, a button that loads it
 * (nothing is requested from the provider before that click). An embed that
 * could not be resolved is a plain link.
 */
export function EmbedBlockView({ url, card }: Pick<EmbedBlock, 'url' | 'card'>) {
  const href = safeHref(url)
  if (!href) return null
  if (card?.status !== 'card' || card.resolvedUrl !== url) {
    return (
      <p className="embed-link">
        <a href={href} rel="noopener">
          {href}
        </a>
      </p>
    )
  }
  const thumbnail =
    card.thumbnail && typeof card.thumbnail === 'object' ? (card.thumbnail as Media) : null
  const title = card.title || href
  const byline = [card.author, card.provider].filter(Boolean).join(' · ')
  return (
    <figure className="embed-card" data-embed-player={card.player ?? undefined}>
      {card.player ? (
        <EmbedPlayer
          player={card.player}
          title={title}
          provider={card.provider ?? 'the provider'}
          aspectRatio={card.aspectRatio ?? 16 / 9}
        >
          {thumbnail && (
            <HeroImage
              media={thumbnail}
              sizes="(min-width: 800px) 720px, 100vw"
              showCaption={false}
              className="embed-card__thumbnail"
            />
          )}
        </EmbedPlayer>
      ) : (
        thumbnail && (
          <HeroImage
            media={thumbnail}
            sizes="(min-width: 800px) 720px, 100vw"
            showCaption={false}
            className="embed-card__thumbnail"
          />
        )
      )}
      <figcaption className="embed-card__caption">
        <a href={href} rel="noopener" className="embed-card__title">
          {title}
        </a>
        {byline && <span className="embed-card__byline">{byline}</span>}
      </figcaption>
    </figure>
  )
}
