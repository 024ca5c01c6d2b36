'use client'

import styles from './TableGrid.module.css'

type Props = {
  /** What the buttons act on, as the names read: "column Price", "row 2". */
  name: string
  /** The directions in words and arrows: left/right for a column, up/down for a row. */
  back: { word: string; arrow: string; disabled: boolean; onClick: () => void }
  forward: { word: string; arrow: string; disabled: boolean; onClick: () => void }
  disabled?: boolean
  onRemove: () => void
}

/** Move back, move forward and remove, for one column or one row, each named for a screen reader. */
export function ItemButtons({ name, back, forward, disabled, onRemove }: Props) {
  return (
    <span className={styles.actions}>
      {[back, forward].map((move) => (
        <button
          key={move.word}
          type="button"
          aria-label={`Move ${name} ${move.word}`}
          disabled={disabled || move.disabled}
          onClick={move.onClick}
        >
          {move.arrow}
        </button>
      ))}
      <button type="button" aria-label={`Remove ${name}`} disabled={disabled} onClick={onRemove}>
        ×
      </button>
    </span>
  )
}
