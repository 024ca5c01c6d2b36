import type { PullQuoteBlock } from '@/payload-types'

/** A pull quote: the quotation in a `<blockquote>`, its attribution as the figure's caption. */
export function PullQuoteBlockView({
  quote,
  attribution,
}: Pick<PullQuoteBlock, 'quote' | 'attribution'>) {
  if (!quote?.trim()) return null
  return (
    <figure className="pull-quote">
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {attribution?.trim() && <figcaption>{attribution}</figcaption>}
    </figure>
  )
}
