import { describe, expect, it } from 'vitest'

import { newsArticle } from '@/lib/structuredData'

import { articleData, seededIds } from '../support/factories'
import { testPayload } from '../support/payload'

describe('corrections and updates', () => {
  it('a substantive entry sets the updated time; a minor one does not; both reach the JSON-LD', async () => {
    const payload = await testPayload()
    const ids = await seededIds(payload)
    const published = await payload.create({
      collection: 'articles',
      data: articleData(ids, { publishedAt: '2026-11-01T08:00:00.000Z' }),
    })
    expect(published.modifiedAt ?? null).toBeNull()

    const minor = await payload.update({
      collection: 'articles',
      id: published.id,
      data: {
        corrections: [
          {
            kind: 'correction',
            date: '2026-11-02T09:00:00.000Z',
            substantive: false,
            text: 'A misspelt name was corrected.',
          },
        ],
      },
    })
    expect(minor.modifiedAt ?? null).toBeNull()

    const corrected = await payload.update({
      collection: 'articles',
      id: published.id,
      data: {
        corrections: [
          ...(minor.corrections ?? []),
          {
            kind: 'correction',
            date: '2026-11-03T10:30:00.000Z',
            substantive: true,
            text: 'An earlier version gave the chip’s price as $400; it is $4,000.',
          },
          {
            kind: 'update',
            date: '2026-11-03T12:00:00.000Z',
            substantive: true,
            text: 'Adds the company’s response.',
          },
        ],
      },
    })
    expect(corrected.modifiedAt).toBe('2026-11-03T12:00:00.000Z')

    const full = await payload.findByID({ collection: 'articles', id: published.id, depth: 2 })
    const jsonLd = newsArticle(full)
    expect(jsonLd.dateModified).toBe('2026-11-03T12:00:00.000Z')
    expect(jsonLd.correction).toEqual([
      expect.objectContaining({
        '@type': 'CorrectionComment',
        name: 'Correction',
        datePublished: '2026-11-02T09:00:00.000Z',
      }),
      expect.objectContaining({
        name: 'Correction',
        text: 'An earlier version gave the chip’s price as $400; it is $4,000.',
      }),
      expect.objectContaining({ name: 'Update', text: 'Adds the company’s response.' }),
    ])
  })
})
