import { RichText } from '@/components/RichText'
import type { Faq } from '@/payload-types'
import { populated } from '@/lib/relations'

/** Question/answer pairs as a description list; FAQs that were removed are skipped. */
export function FaqBlockView({ faqs }: { faqs: (number | Faq)[] | null | undefined }) {
  const entries = populated<Faq>(faqs)
  if (entries.length === 0) return null
  return (
    <dl className="faq">
      {entries.map((faq) => (
        <div key={faq.id} className="faq__item">
          <dt>{faq.question}</dt>
          <dd>
            <RichText data={faq.answer} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
