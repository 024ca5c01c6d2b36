import type { ContentSet } from '@/content/types'
import { referenceArticle, referenceFaqs, referenceTables } from '@/seed/data/referenceArticle'

/**
 * Demo content for a fresh Broadsheet install: the verbatim reference article
 * plus a handful of short, fictional newsroom stories. Places, agencies and
 * figures in the demo stories are invented; no real person is quoted.
 */
export const demoContent: ContentSet = {
  sections: [
    {
      slug: 'technology',
      name: 'Technology',
      description:
        'Chips, software, artificial intelligence and the companies and policies behind them.',
    },
    {
      slug: 'business',
      name: 'Business',
      description:
        'Markets, companies, jobs and the economic forces shaping how people earn and spend.',
    },
    {
      slug: 'world',
      name: 'World',
      description:
        'International news, diplomacy and the decisions governments make across borders.',
    },
  ],
  tags: [
    { slug: 'artificial-intelligence', name: 'Artificial intelligence' },
    { slug: 'huawei', name: 'Huawei' },
    { slug: 'china', name: 'China' },
    { slug: 'united-states', name: 'United States' },
    { slug: 'semiconductors', name: 'Semiconductors' },
    { slug: 'economy', name: 'Economy' },
    { slug: 'climate', name: 'Climate' },
    { slug: 'trade', name: 'Trade' },
    { slug: 'europe', name: 'Europe' },
  ],
  authors: [
    {
      slug: 'archyde-staff',
      name: 'Archyde Staff',
      kind: 'organization',
      bio: 'Reporting and analysis from the Archyde newsroom, published under a shared staff byline.',
    },
    {
      slug: 'maya-okafor',
      name: 'Maya Okafor',
      kind: 'person',
      bio: 'Maya Okafor covers technology and public infrastructure, with a focus on how software changes city services.',
    },
    {
      slug: 'daniel-reyes',
      name: 'Daniel Reyes',
      kind: 'person',
      bio: 'Daniel Reyes reports on manufacturing, shipping and the wider economy from the business desk.',
    },
    {
      slug: 'ingrid-sato',
      name: 'Ingrid Sato',
      kind: 'person',
      bio: 'Ingrid Sato is a world news correspondent writing about climate adaptation and European policy.',
    },
  ],
  tables: referenceTables,
  faqs: referenceFaqs,
  articles: [
    referenceArticle,
    {
      slug: 'manufacturers-slow-hiring-as-input-costs-stay-high',
      headline: 'Mid-sized manufacturers slow hiring as input costs stay high, survey finds',
      dek: 'A quarterly survey of factory owners shows more firms freezing new positions, even as order books hold steady into the new year.',
      authors: ['daniel-reyes'],
      section: 'business',
      tags: ['economy', 'trade'],
      publishedAt: '2026-01-22T07:30:00.000Z',
      sections: [
        {
          heading: 'A cautious start to the year',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'Nearly four in ten mid-sized manufacturers say they have paused hiring for the first quarter, according to a survey of about 600 firms published this week by a regional industry association.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'The share is the highest since the survey began tracking hiring intentions, although most respondents reported that orders were flat or slightly higher than a year ago.',
              ],
            },
          ],
        },
        {
          heading: 'Costs, not demand',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'Owners pointed to energy bills, insurance and the price of imported components as the main reasons for holding back. Several said they would rather pay overtime than commit to permanent salaries while costs remain uncertain.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'Economists who reviewed the results cautioned that a hiring pause is not the same as job cuts, and that a modest easing in material prices could quickly reverse the trend.',
              ],
            },
          ],
        },
      ],
    },
    {
      slug: 'transit-agency-pilots-open-source-bus-scheduling',
      headline: 'Regional transit agency pilots open-source software to plan bus schedules',
      dek: 'The six-month trial replaces a licensed planning tool on three routes and will test whether openly published code can cut costs without hurting reliability.',
      authors: ['maya-okafor'],
      section: 'technology',
      tags: ['artificial-intelligence'],
      publishedAt: '2026-03-12T10:00:00.000Z',
      hero: {
        alt: 'Illustration of a city bus at a stop beneath a timetable display, drawn in teal and cream',
        caption: 'The agency says riders will see the first new timetables in the spring.',
        credit: 'Broadsheet illustration',
        palette: ['#1f5f5b', '#f2e3bc'],
      },
      updatedAt: '2026-03-13T08:15:00.000Z',
      sections: [
        {
          heading: 'What the trial covers',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'A regional transit agency has begun using open-source scheduling software to plan timetables on three of its busiest bus routes, in a trial that runs until the end of September.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'The agency said the software uses historical ridership and traffic data to suggest departure times, which planners then review before any change reaches the public timetable.',
              ],
            },
          ],
        },
        {
          heading: 'How success will be measured',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'According to the agency’s published evaluation plan, the pilot will be judged on:',
              ],
            },
            {
              type: 'list',
              items: [
                [
                  { text: 'On-time performance', bold: true },
                  ' – the share of buses leaving stops within two minutes of schedule.',
                ],
                [
                  { text: 'Crowding', bold: true },
                  ' – how often buses run above their comfortable capacity at peak hours.',
                ],
                [
                  { text: 'Cost', bold: true },
                  ' – staff time and hosting fees compared with the current licensed tool.',
                ],
              ],
            },
            {
              type: 'paragraph',
              children: [
                'Results are due to be presented at a public board meeting in the autumn, and the code changes made during the trial will be published for other agencies to reuse.',
              ],
            },
          ],
        },
      ],
    },
    {
      slug: 'coastal-towns-weigh-shared-flood-defences',
      headline: 'Coastal towns weigh shared flood defences as insurance premiums climb',
      dek: 'Councils along a low-lying stretch of the North Sea coast are studying a joint barrier scheme after a winter of storm surges pushed up the cost of cover.',
      authors: ['ingrid-sato'],
      section: 'world',
      tags: ['climate', 'europe', 'economy'],
      publishedAt: '2026-06-04T06:00:00.000Z',
      hero: {
        alt: 'Illustration of a sea wall with waves breaking against it beneath a grey sky, rooftops of a small town visible behind the wall',
        caption: 'Several councils say no single town can afford the defences it needs on its own.',
        credit: 'Broadsheet illustration',
        palette: ['#2e5266', '#d9b26f'],
      },
      sections: [
        {
          heading: 'A joint approach',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'Five neighbouring coastal councils have commissioned a feasibility study into building and maintaining flood defences together, rather than each town funding its own sea walls and pumping stations.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'Local officials said a shared scheme could qualify for larger regional grants and spread maintenance costs across a wider tax base.',
              ],
            },
          ],
        },
        {
          heading: 'Pressure from insurers',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'Homeowners in the area have reported premium increases of between 20 and 40 percent at renewal after a series of winter storm surges, and some small businesses say they have struggled to find cover at all.',
              ],
            },
          ],
        },
        {
          heading: 'What happens next',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'The study is expected to report early next year. Any agreement would still need approval from each council and from the national environment agency, which oversees coastal protection works.',
              ],
            },
          ],
        },
      ],
    },
    {
      slug: 'shipping-rates-ease-as-port-backlog-clears',
      headline: 'Shipping rates ease as container backlog clears at major ports',
      dek: 'Spot prices for moving a container between Asia and Europe fell for a sixth straight week, offering some relief to importers ahead of the holiday season.',
      authors: ['daniel-reyes'],
      section: 'business',
      tags: ['trade', 'economy', 'europe'],
      publishedAt: '2026-09-15T11:45:00.000Z',
      hero: {
        alt: 'Illustration of stacked shipping containers on a quay with a crane overhead, in navy and rust',
        caption: 'Freight rates have fallen for three months in a row.',
        credit: 'Broadsheet illustration',
        palette: ['#24395c', '#c8553d'],
      },
      sections: [
        {
          heading: 'Queues shorten',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'The number of container ships waiting to berth at the largest European ports has fallen to its lowest level this year, according to vessel-tracking data compiled by freight analysts.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'Spot rates on the main Asia–Europe lane have dropped by roughly a quarter since late July, though they remain above their long-run average.',
              ],
            },
          ],
        },
        {
          heading: 'Relief for importers, for now',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'Retailers that import seasonal goods said lower freight costs would help protect margins, but warned that contract rates for next year have not yet been settled.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'Analysts said weather disruption or a sudden rebound in orders could tighten capacity again before the end of the year.',
              ],
            },
          ],
        },
      ],
    },
    {
      slug: 'trade-ministers-agree-critical-mineral-tracking-framework',
      headline: 'Trade ministers agree framework for tracking critical-mineral shipments',
      dek: 'A voluntary system for tracing lithium, cobalt and rare-earth cargoes is meant to make supply chains more transparent, but relies on companies opting in.',
      authors: ['ingrid-sato', 'maya-okafor'],
      section: 'world',
      tags: ['trade', 'europe', 'semiconductors'],
      publishedAt: '2026-11-20T14:00:00.000Z',
      hero: {
        alt: 'Illustration of a cargo ship’s hold with crates of ore marked by tracking labels, in deep green and gold',
        caption: 'Ministers say the framework will be reviewed after its first year.',
        credit: 'Broadsheet illustration',
        palette: ['#2f4a3a', '#d4a84b'],
      },
      sections: [
        {
          heading: 'What was agreed',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'Trade ministers meeting this week endorsed a common framework for recording where shipments of critical minerals are mined, processed and sold, with the first reporting period due to start next year.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'Participating companies would share standardised shipment records with a central registry, which officials said would help spot bottlenecks before they disrupt battery and chip production.',
              ],
            },
          ],
        },
        {
          heading: 'Open questions',
          blocks: [
            {
              type: 'paragraph',
              children: [
                'Because the framework is voluntary, its usefulness will depend on how many producers and traders sign up. Industry groups welcomed the common format but asked for clear rules on how commercially sensitive data will be protected.',
              ],
            },
            {
              type: 'paragraph',
              children: [
                'Ministers said they would review participation after the first year and consider whether reporting should become mandatory for the largest importers.',
              ],
            },
          ],
        },
      ],
    },
  ],
}
