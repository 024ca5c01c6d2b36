import { describe, expect, it } from 'vitest'

import { seedDemoContent } from '@/seed'
import { demoContent } from '@/seed/data/demoContent'
import type { ComparisonTable, Faq } from '@/payload-types'

import { testPayload } from '../support/payload'

const REFERENCE_SLUG = 'ren-zhengfei-us-china-ai-divergent-directions'

// The reference article's table of contents, as published (an independent copy of the fixture's TOC).
const HEADINGS = [
  'Breaking: Ren Zhengfei Says U.S. And China Are Moving artificial Intelligence In divergent Directions',
  'What Ren Zhengfei Said',
  'China’s Practical Route',
  'Why The Divergence Matters',
  'Side-By-Side comparison',
  'Evergreen Insights: What this Means For Industry And Policy',
  'Practical Takeaways For Organizations',
  'Long-Term Context',
  'Frequently Asked Questions',
  'Okay, here’s a breakdown of the key strategies Huawei is employing too navigate and counter US restrictions, based on the provided text. I’ll categorize them for clarity, and then summarize the overall picture.',
  'Huawei Founder Subtly Undermines US’s Lofty AI Aspirations',
  'Strategic AI Investments that Target the US Market',
  'Supply‑Chain Diversification & Chip Design Resilience',
  'Open‑Source AI Ecosystem: MindSpore vs. TensorFlow/pytorch',
  'Talent Acquisition & International R&D Partnerships',
  'Regulatory Tactics & Policy Influence',
  'Case Study: Ascend 910 vs. Nvidia H100 – Market Impact',
  'Implications for the US AI Agenda',
  'Practical tips for US Companies Countering Huawei’s AI Moves',
]

const FAQ_QUESTIONS = [
  'What Is Artificial intelligence?',
  'How Does China Use Artificial Intelligence?',
  'What Is The United States’ Approach To Artificial Intelligence?',
  'Will artificial Intelligence Replace Jobs?',
  'Is It Safe To Deploy Artificial Intelligence In Critical Systems?',
]

async function referenceArticle() {
  const payload = await testPayload()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: REFERENCE_SLUG } },
    depth: 2,
    limit: 1,
  })
  return docs[0]!
}

function cells(table: ComparisonTable): string[][] {
  return [
    table.columns.map((column) => column.label),
    ...table.rows.map((row) => (row.cells ?? []).map((cell) => cell.value ?? '')),
  ]
}

describe('demo seed', () => {
  it('creates the reference article with every section heading in order', async () => {
    const article = await referenceArticle()
    expect(article.headline).toBe(
      'Ren Zhengfei Says U.S. And China Are Moving artificial Intelligence In divergent Directions',
    )
    // Marked breaking, but a year ago: its three hours are long over, so no label or banner.
    expect(article.breaking).toBe(true)
    expect(article.breakingUntil).toBe('2025-12-05T12:00:00.000Z')
    expect(article._status).toBe('published')
    expect(article.body.map((section) => section.heading)).toEqual(HEADINGS)
    expect(typeof article.authors[0] === 'object' && article.authors[0].name).toBe('Archyde Staff')
    expect(article.publishedAt?.slice(0, 10)).toBe('2025-12-05')
  })

  it('keeps the keyword-focus lines on the sections that have them', async () => {
    const article = await referenceArticle()
    const withFocus = article.body.filter((section) => (section.keywordFocus ?? []).length > 0)
    expect(withFocus.map((section) => section.heading)).toEqual(HEADINGS.slice(11))
    expect(withFocus[0]!.keywordFocus).toEqual([
      'Huawei AI chips',
      'Ascend 910',
      'AI‑first smartphones',
      'AI research budget',
    ])
  })

  it('creates both comparison tables with every cell and the source note', async () => {
    const article = await referenceArticle()
    const tables = (article.embeddedTables ?? []) as ComparisonTable[]
    expect(tables).toHaveLength(2)
    const [approaches, chips] = tables
    expect(cells(approaches!)).toEqual([
      ['Dimension', 'United States', 'China'],
      [
        'Primary Focus',
        'Supercomputing And Large Models; Pursuit Of AGI/ASI',
        'applied AI To Solve Development And industrial Problems',
      ],
      [
        'Examples',
        'Massive foundation Models, Cloud Supercomputing',
        'Automated Mines, Smart City Systems, health And Education Tools',
      ],
      [
        'Developer Ecosystem',
        'commercial Closed-Source models By Major Tech Firms',
        'Rapid Open-Source Adoption And Developer Growth',
      ],
      [
        'Hardware Strategy',
        'Reliance On specialized Accelerators Widely Used Globally',
        'Development Of Domestic Alternatives To Foreign AI Processors',
      ],
    ])
    expect(cells(chips!)).toEqual([
      ['Metric', 'Ascend 910 (2023)', 'Nvidia H100 (2023)'],
      ['Peak FP16 performance', '256 TOPS', '312 TOPS'],
      ['Power efficiency (TOPS/W)', '46', '25'],
      ['Price/Performance ratio', '1.4× better', '–'],
      ['Deployment in Chinese data centers', '30 % (2024)', '5 % (2024)'],
      ['US export restriction impact', 'minimal (domestic fabs)', 'High (US‑controlled fabs)'],
    ])
    expect(chips!.sourceNote).toBe(
      'Based on public pricing and benchmark data (TechInsights, 2024).',
    )
  })

  it('creates the five FAQ pairs, placed in the FAQ section', async () => {
    const article = await referenceArticle()
    const faqs = (article.embeddedFaqs ?? []) as Faq[]
    expect(faqs.map((faq) => faq.question)).toEqual(FAQ_QUESTIONS)
    const answer = JSON.stringify(faqs[0]!.answer)
    expect(answer).toContain('Artificial Intelligence Is A Field Of Computer Science')
    const faqSection = article.body.find(
      (section) => section.heading === 'Frequently Asked Questions',
    )
    expect(JSON.stringify(faqSection?.content)).toContain('"blockType":"faq"')
  })

  it('keeps the external links and the call to comment', async () => {
    const article = await referenceArticle()
    const faqSection = JSON.stringify(article.body[8]!.content)
    expect(faqSection).toContain('https://aiindex.stanford.edu')
    expect(faqSection).toContain('https://www.nist.gov')
    expect(faqSection).toContain('#comments')
  })

  it('adds short articles in other sections so listings are not empty', async () => {
    const payload = await testPayload()
    // The seeded desks (other tests add desks of their own).
    const sections = await payload.find({
      collection: 'sections',
      where: { slug: { in: demoContent.sections.map((section) => section.slug) } },
      limit: 20,
    })
    expect(sections.totalDocs).toBe(demoContent.sections.length)
    for (const section of sections.docs) {
      const count = await payload.count({
        collection: 'articles',
        where: { section: { equals: section.id } },
      })
      expect(count.totalDocs, `articles in ${section.name}`).toBeGreaterThan(0)
    }
  })

  it('is idempotent: a second run creates nothing', async () => {
    const payload = await testPayload()
    const before = await payload.count({ collection: 'articles' })
    const result = await seedDemoContent(payload)
    expect(result.created).toBe(0)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before.totalDocs)
  })
})
