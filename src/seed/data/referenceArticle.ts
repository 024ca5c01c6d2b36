import type { ContentArticle, ContentFaq, ContentTable } from '@/content/types'

/**
 * The reference article, copied verbatim from the source text
 * (shared/fixtures/reference-article.txt): headings, body copy, tables and FAQs
 * keep the original capitalisation, typos and punctuation on purpose.
 */

export const referenceTables: ContentTable[] = [
  {
    key: 'us-china-ai-approaches',
    title: 'Side-by-side comparison: U.S. and China AI approaches',
    columns: [
      { label: 'Dimension', type: 'text' },
      { label: 'United States', type: 'text' },
      { label: 'China', type: 'text' },
    ],
    rows: [
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
    ],
  },
  {
    key: 'ascend-910-vs-h100',
    title: 'Ascend 910 vs. Nvidia H100',
    columns: [
      { label: 'Metric', type: 'text' },
      { label: 'Ascend 910 (2023)', type: 'text' },
      { label: 'Nvidia H100 (2023)', type: 'text' },
    ],
    rows: [
      ['Peak FP16 performance', '256 TOPS', '312 TOPS'],
      ['Power efficiency (TOPS/W)', '46', '25'],
      ['Price/Performance ratio', '1.4× better', '–'],
      ['Deployment in Chinese data centers', '30 % (2024)', '5 % (2024)'],
      ['US export restriction impact', 'minimal (domestic fabs)', 'High (US‑controlled fabs)'],
    ],
    sourceNote: 'Based on public pricing and benchmark data (TechInsights, 2024).',
    asOf: '2024-12-31',
  },
]

export const referenceFaqs: ContentFaq[] = [
  {
    key: 'faq-what-is-ai',
    question: 'What Is Artificial intelligence?',
    answer:
      'Artificial Intelligence Is A Field Of Computer Science That Creates Systems Capable Of Tasks That Normally Require Human Intelligence.',
  },
  {
    key: 'faq-how-does-china-use-ai',
    question: 'How Does China Use Artificial Intelligence?',
    answer:
      'China uses Artificial Intelligence To Improve Public Services, Automate Industry, And Support development goals Such As Safe Cities And Health Care Enhancements.',
  },
  {
    key: 'faq-us-approach-to-ai',
    question: 'What Is The United States’ Approach To Artificial Intelligence?',
    answer:
      'The United States Has Focused on Building Large Models And Supercomputing Capacity With An Emphasis On Research toward AGI And Scalable Foundation Models.',
  },
  {
    key: 'faq-will-ai-replace-jobs',
    question: 'Will artificial Intelligence Replace Jobs?',
    answer:
      'Artificial intelligence Will Change Many Jobs; Some Tasks might potentially be Automated While New roles In Development, Oversight, And maintainance Will Emerge.',
  },
  {
    key: 'faq-is-ai-safe-in-critical-systems',
    question: 'Is It Safe To Deploy Artificial Intelligence In Critical Systems?',
    answer:
      'Safety depends On Design,Testing,And Governance.Organizations Must Follow Best Practices And Regulatory Guidance Before Deploying AI In Critical Environments.',
  },
]

export const referenceArticle: ContentArticle = {
  slug: 'ren-zhengfei-us-china-ai-divergent-directions',
  headline:
    'Ren Zhengfei Says U.S. And China Are Moving artificial Intelligence In divergent Directions',
  dek: 'Huawei founder Ren Zhengfei said in a recent address that the United States and China are pursuing artificial intelligence along distinct paths.',
  breaking: true,
  authors: ['archyde-staff'],
  section: 'technology',
  tags: ['artificial-intelligence', 'huawei', 'china', 'united-states', 'semiconductors'],
  publishedAt: '2025-12-05T09:00:00.000Z',
  hero: {
    alt: 'Abstract illustration of a single road splitting into two diverging paths, one in deep blue and one in terracotta red, against a plain background',
    caption:
      'Huawei founder Ren Zhengfei says the United States and China are taking diverging routes in artificial intelligence.',
    credit: 'Broadsheet illustration',
    palette: ['#1f3a5f', '#c8553d'],
  },
  sections: [
    // 1.
    {
      heading:
        'Breaking: Ren Zhengfei Says U.S. And China Are Moving artificial Intelligence In divergent Directions',
      blocks: [
        {
          type: 'paragraph',
          children: [
            'The Founder Of Huawei, Ren Zhengfei, Saeid In A Recent Address That The United States And China Are Pursuing Artificial Intelligence Along Distinct Paths.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'The Remarks Came During A Speech To The International Collegiate Programming Contest On Nov. 14, When Ren Contrasted The U.S.Focus On Supercomputing And Large Models With China’s Emphasis On Practical Applications.',
          ],
        },
      ],
    },
    // 2.
    {
      heading: 'What Ren Zhengfei Said',
      blocks: [
        {
          type: 'paragraph',
          children: [
            'Ren said The United States Is Concentrating On Building Massive Models And Supercomputing Capacity With An Eye Toward Artificial General Intelligence And Artificial Superintelligence.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'Ren Characterized That Approach As Ambitious And Philosophical, Aiming To Tackle Questions About Human Nature And Society, While Acknowledging That It May Take Time To Define The Complete problem.',
          ],
        },
      ],
    },
    // 3.
    {
      heading: 'China’s Practical Route',
      blocks: [
        {
          type: 'paragraph',
          children: [
            'Ren Said China Is Prioritizing The Immediate Use Of Artificial Intelligence To Deliver Tangible Benefits In Urban Safety, Education, Health Care, And Industrial automation.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'Ren Highlighted Examples Such As Remotely controlled Mining Equipment And Highly Automated Mines Linked By 5G Infrastructure, Which Huawei Has Helped Deploy.',
          ],
        },
      ],
    },
    // 4.
    {
      heading: 'Why The Divergence Matters',
      blocks: [
        {
          type: 'paragraph',
          children: [
            'The Different Strategies Reflect Choices By Governments And Companies About Where To Invest Research And Progress Resources.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'The Split Also Helps Explain Why China Has Seen Rapid Adoption Of Open-Source Large Language Models And Practical AI Tools, While U.S. Tech Firms Continue To Commit Billions To Scaling Model Size And compute.',
          ],
        },
      ],
    },
    // 5.
    {
      heading: 'Side-By-Side comparison',
      blocks: [
        { type: 'table', table: 'us-china-ai-approaches' },
        {
          type: 'paragraph',
          children: [
            'The Term Artificial intelligence Covers A Range Of Technologies From Machine Learning To Large Language Models And Autonomous Systems.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'Developers And Policymakers Should Track Both Research Trends And Deployment Patterns To Understand Where Jobs, Regulation, And Investment Will Flow.',
          ],
        },
      ],
    },
    // 6.
    {
      heading: 'Evergreen Insights: What this Means For Industry And Policy',
      blocks: [
        {
          type: 'paragraph',
          children: [
            'Investors, Regulators, And Technologists Should Expect Continued Parallel Paths: One Geared Toward Foundational Research And Scale, The Other Toward Rapid Field Deployment And Localized Solutions.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'Those Paths Will Shape Talent Demand, Supply Chains For Hardware, And The Types Of Regulation Needed To Address Safety, Privacy, And Economic Disruption.',
          ],
        },
      ],
    },
    // 7.
    {
      heading: 'Practical Takeaways For Organizations',
      blocks: [
        {
          type: 'list',
          items: [
            [
              'Assess Whether Your Goals Require Cutting-Edge Foundation Models Or Domain-Specific Applied AI.',
            ],
            ['Consider Hardware Dependencies And The Risks Of Vendor Lock-In.'],
            [
              'Prioritize Responsible Deployment Practices To minimize harm When Scaling AI Systems.',
            ],
          ],
        },
        {
          type: 'paragraph',
          children: [
            'Would You Prefer Investments That Aim For Long-Term Breakthroughs Or Tools That Solve Today’s Problems?',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'How Could Your Industry Benefit From A Focused, Practical AI Deployment Strategy?',
          ],
        },
      ],
    },
    // 8.
    {
      heading: 'Long-Term Context',
      blocks: [
        {
          type: 'paragraph',
          children: [
            'As Nations and Companies Choose Paths For Artificial Intelligence, Collaboration On Standards, Safety, And Interoperability Remains Crucial.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'Readers Should Watch Hardware Development, Open-Source Trends, And National Policies That Will Influence Which Approach Delivers The Greater Societal Benefit.',
          ],
        },
      ],
    },
    // 9.
    {
      heading: 'Frequently Asked Questions',
      blocks: [
        {
          type: 'faq',
          faqs: [
            'faq-what-is-ai',
            'faq-how-does-china-use-ai',
            'faq-us-approach-to-ai',
            'faq-will-ai-replace-jobs',
            'faq-is-ai-safe-in-critical-systems',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'External Resources: For Broader Context, See The Stanford Artificial Intelligence Index At ',
            { text: 'aiindex.stanford.edu', href: 'https://aiindex.stanford.edu' },
            ' And The National Institute Of Standards And Technology At ',
            { text: 'nist.gov', href: 'https://www.nist.gov' },
            '.',
          ],
        },
        {
          type: 'paragraph',
          children: [
            'Join The Conversation: ',
            { text: 'Leave A Comment Below', href: '#comments' },
            ' And Share This Story If You Found it Informative.',
          ],
        },
      ],
    },
    // 10.
    {
      heading:
        'Okay, here’s a breakdown of the key strategies Huawei is employing too navigate and counter US restrictions, based on the provided text. I’ll categorize them for clarity, and then summarize the overall picture.',
      blocks: [],
    },
    // 11.
    {
      heading: 'Huawei Founder Subtly Undermines US’s Lofty AI Aspirations',
      blocks: [],
    },
    // 12.
    {
      heading: 'Strategic AI Investments that Target the US Market',
      keywordFocus: ['Huawei AI chips', 'Ascend 910', 'AI‑first smartphones', 'AI research budget'],
      blocks: [
        {
          type: 'list',
          items: [
            [
              { text: 'AI‑centric R&D budget', bold: true },
              ' – As 2022, Huawei has allocated ~¥30 billion annually to artificial‑intelligence research, outpacing many US startups.',
            ],
            [
              { text: 'Ascend series rollout', bold: true },
              ' – The ascend 910 (2023) and Ascend 910B (2024) chips deliver up to 256 TOPS per watt,directly challenging nvidia’s H100 in data‑center workloads.',
            ],
            [
              { text: 'AI‑first product line', bold: true },
              ' – Flagship smartphones (mate 60 Pro, P‑Series) embed Huawei’s proprietary AI accelerator for real‑time image processing, reducing reliance on US‑based AI APIs.',
            ],
          ],
        },
      ],
    },
    // 13.
    {
      heading: 'Supply‑Chain Diversification & Chip Design Resilience',
      keywordFocus: [
        'semiconductor independence',
        'SMIC partnership',
        'chip‑let architecture',
        'US export controls',
      ],
      blocks: [
        {
          type: 'list',
          items: [
            [
              { text: 'Domestic silicon ecosystem', bold: true },
              ' – Leveraging HiSilicon and the Kunpeng processor family, Huawei has shifted ~70 % of its chip design in‑house.',
            ],
            [
              { text: 'Foundry partnerships', bold: true },
              ' – Collaboration with SMIC (2023) and TSMC’s 2‑nm node (2025) ensures a multi‑source supply chain that bypasses US export controls.',
            ],
            [
              { text: 'Alternative packaging', bold: true },
              ' – Adoption of advanced chip‑let architecture reduces dependence on US‑made interconnects, enabling modular upgrades for AI workloads.',
            ],
          ],
        },
      ],
    },
    // 14.
    {
      heading: 'Open‑Source AI Ecosystem: MindSpore vs. TensorFlow/pytorch',
      keywordFocus: [
        'MindSpore AI framework',
        'open‑source AI',
        'ONNX compatibility',
        'AI stack without US licensing',
      ],
      blocks: [
        {
          type: 'list',
          items: [
            [
              'MindSpore 2.0 (released 2024) offers a unified AI framework for edge, cloud, and device, complete with ONNX compatibility.',
            ],
            [
              { text: 'Community growth', bold: true },
              ' – Over 120,000 GitHub contributors worldwide, with a 45 % increase in Chinese research institutions adopting MindSpore for large‑scale training.',
            ],
            [
              { text: 'Strategic positioning', bold: true },
              ' – By providing a US‑free AI stack, Huawei enables developers to avoid licensing fees associated with OpenAI or Google AI services.',
            ],
          ],
        },
      ],
    },
    // 15.
    {
      heading: 'Talent Acquisition & International R&D Partnerships',
      keywordFocus: [
        'AI talent acquisition',
        'Huawei European AI Lab',
        'joint AI research',
        'Top Talent program',
      ],
      blocks: [
        {
          type: 'list',
          items: [
            [
              { text: 'Global AI talent hub', bold: true },
              ' – Huawei’s European AI lab (Berlin, 2023) recruited 30 % of its team from former Nvidia and Intel AI divisions.',
            ],
            [
              { text: 'Joint university programs', bold: true },
              ' – Partnerships with Tsinghua University and MIT’s Media Lab (joint AI ethics lab,2024) create cross‑border research pipelines while subtly steering focus away from US‑centric AI policy.',
            ],
            [
              { text: 'Visa‑free research visas', bold: true },
              ' – Through China’s “Top Talent” program, Ren Zhengfei secured 2‑year fast‑track visas for 150 foreign AI scientists, diluting the US talent pool.',
            ],
          ],
        },
      ],
    },
    // 16.
    {
      heading: 'Regulatory Tactics & Policy Influence',
      keywordFocus: [
        'Huawei lobbying',
        'AI standards committee',
        'AI governance',
        'sustainable AI',
      ],
      blocks: [
        {
          type: 'list',
          items: [
            [
              { text: 'Lobbying in Washington', bold: true },
              ' – Huawei’s “Global Technology Forum” (2024) hosted US lawmakers, showcasing AI safety demos that positioned Huawei as a responsible AI actor, softening legislative pressure.',
            ],
            [
              { text: 'Standards‑setting participation', bold: true },
              ' – Active role in the ISO/IEC AI standards committee (2025) allows Huawei to shape global AI governance rules, perhaps limiting US‑driven AI export restrictions.',
            ],
            [
              { text: 'Strategic PR campaigns', bold: true },
              ' – A series of white‑papers titled “AI for Lasting Growth” highlighted Huawei’s contributions to climate‑pleasant AI computing, framing US policy as “overly restrictive”.',
            ],
          ],
        },
      ],
    },
    // 17.
    {
      heading: 'Case Study: Ascend 910 vs. Nvidia H100 – Market Impact',
      keywordFocus: [
        'Ascend 910 benchmark',
        'Nvidia H100 comparison',
        'AI chip market share',
        'cloud AI contracts',
      ],
      blocks: [
        { type: 'table', table: 'ascend-910-vs-h100' },
        {
          type: 'list',
          items: [
            [
              { text: 'Result', bold: true },
              ' – The Ascend 910’s cost advantage and supply‑chain independence allowed Huawei to secure major cloud contracts with Alibaba Cloud and Baidu AI Services, eroding the market share that US firms expected to dominate.',
            ],
          ],
        },
      ],
    },
    // 18.
    {
      heading: 'Implications for the US AI Agenda',
      keywordFocus: [
        'US AI strategy',
        'AI talent war',
        'AI export bans',
        'national AI initiative',
        'AI standards divergence',
      ],
      blocks: [
        {
          type: 'list',
          items: [
            [
              { text: 'Reduced leverage in AI talent wars', bold: true },
              ' – Huawei’s aggressive recruitment and visa incentives have diverted a measurable share of senior AI engineers from US startups.',
            ],
            [
              { text: 'Supply‑chain fragmentation', bold: true },
              ' – By establishing a parallel semiconductor ecosystem, Huawei lowers the effectiveness of US export bans, forcing Washington to consider broader diplomatic approaches.',
            ],
            [
              { text: 'Shift in AI standards', bold: true },
              ' – Participation in international standards bodies may result in global AI compliance frameworks that differ from the US‑centric model, potentially limiting US AI exportability.',
            ],
            [
              { text: 'strategic pressure on US AI budgets', bold: true },
              ' – The rapid commercialization of Huawei’s AI hardware compels the US government to justify increased AI R&D funding (the 2025 “National AI Initiative” amendment) to maintain competitive parity.',
            ],
          ],
        },
      ],
    },
    // 19.
    {
      heading: 'Practical tips for US Companies Countering Huawei’s AI Moves',
      keywordFocus: [
        'AI supply‑chain diversification',
        'AI ASIC development',
        'aiaas differentiation',
        'AI talent retention',
        'standards advocacy',
      ],
      blocks: [
        {
          type: 'list',
          items: [
            [
              { text: 'Diversify supply chains', bold: true },
              ' – Establish secondary fab partners in japan or South Korea to mitigate potential disruptions.',
            ],
            [
              { text: 'Invest in AI‑optimized ASICs', bold: true },
              ' – prioritize in‑house chip design to reduce dependence on third‑party hardware.',
            ],
            [
              { text: 'Leverage AI‑as‑a‑Service (AIaaS)', bold: true },
              ' – Offer differentiated services (e.g., privacy‑preserving AI) that Huawei’s ecosystem currently lacks.',
            ],
            [
              { text: 'Strengthen talent retention', bold: true },
              ' – Implement equity‑based incentives and fast‑track immigration pathways for AI researchers.',
            ],
            [
              { text: 'engage in standards advocacy', bold: true },
              ' – Actively contribute to ISO/IEC AI working groups to ensure US policy influence.',
            ],
          ],
        },
        {
          type: 'paragraph',
          children: [
            'All data reflects publicly available sources up to December 2025, including company filings, industry benchmark reports, and government publications.',
          ],
        },
      ],
    },
  ],
}
