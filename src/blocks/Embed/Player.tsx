'use client'

import { type ReactNode, useState } from 'react'

/**
 * Consent by click: the card's picture and a button until the reader asks for
 * the player; only then is the provider's page framed (sandboxed, no referrer).
 */
export function EmbedPlayer({
  player,
  title,
  provider,
  aspectRatio,
  children,
}: {
  player: string
  title: string
  provider: string
  aspectRatio: number
  children: ReactNode
}) {
  const [playing, setPlaying] = useState(false)
  if (playing) {
    return (
      <div className="embed-card__frame" style={{ aspectRatio }}>
        <iframe
          src={player}
          title={title}
          allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="no-referrer"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
        />
      </div>
    )
  }
  return (
    <div className="embed-card__consent">
      {children}
      <button type="button" className="embed-card__play" onClick={() => setPlaying(true)}>
        Load from {provider}
        <span className="embed-card__note">
          {' '}
          (the player comes from {provider}, which may set cookies)
        </span>
      </button>
    </div>
  )
}
