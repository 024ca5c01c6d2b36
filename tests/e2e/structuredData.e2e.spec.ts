import type { Page } from '@playwright/test'

import { expect, REFERENCE, test } from './fixtures'

type Node = Record<string, unknown> & { '@type': string }

async function jsonLd(page: Page): Promise<Node[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents()
  return scripts.flatMap((text) => {
    const data = JSON.parse(text) as Node | Node[]
    return Array.isArray(data) ? data : [data]
  })
}

test('the article page carries NewsArticle, BreadcrumbList and one merged FAQPage', async ({
  page,
  baseURL,
}) => {
  await page.goto(REFERENCE.path)
  const nodes = await jsonLd(page)
  const article = nodes.find((node) => node['@type'] === 'NewsArticle')!
  expect(article).toMatchObject({
    '@context': 'https://schema.org',
    headline: REFERENCE.headline,
    url: `${baseURL}${REFERENCE.path}`,
    articleSection: 'Technology',
    datePublished: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    dateModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    author: [
      { '@type': 'Organization', name: 'Archyde Staff', url: `${baseURL}/authors/archyde-staff` },
    ],
    publisher: { '@type': 'Organization', name: 'Broadsheet', logo: { url: `${baseURL}/og/logo` } },
  })
  expect(String(article.description)).toContain('Huawei')
  expect(String(article.keywords)).toContain('Semiconductors')
  expect((article.image as string[])[0]).toMatch(new RegExp(`^${baseURL}/`))

  const crumbs = nodes.find((node) => node['@type'] === 'BreadcrumbList')!
  expect(
    (crumbs.itemListElement as { name: string; item: string }[]).map((step) => step.item),
  ).toEqual([`${baseURL}/`, `${baseURL}/technology`, `${baseURL}${REFERENCE.path}`])

  const faqs = nodes.filter((node) => node['@type'] === 'FAQPage')
  expect(faqs).toHaveLength(1)
  const questions = faqs[0]!.mainEntity as { name: string; acceptedAnswer: { text: string } }[]
  expect(questions).toHaveLength(5)
  for (const question of questions) expect(question.acceptedAnswer.text.length).toBeGreaterThan(20)

  for (const url of [(article.image as string[])[0]!, `${baseURL}/og/logo`]) {
    const response = await page.request.get(url)
    expect(response.status(), url).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^image\//)
  }
})

test('the home page names the publisher and how to search the site', async ({ page, baseURL }) => {
  await page.goto('/')
  const nodes = await jsonLd(page)
  expect(nodes.find((node) => node['@type'] === 'Organization')).toMatchObject({
    name: 'Broadsheet',
    url: `${baseURL}/`,
  })
  const website = nodes.find((node) => node['@type'] === 'WebSite')!
  expect(website.potentialAction).toMatchObject({
    '@type': 'SearchAction',
    target: { urlTemplate: `${baseURL}/search?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  })
})

test('every kind of page has an OpenGraph image, a Twitter card and a canonical URL', async ({
  page,
}) => {
  for (const path of [
    '/',
    '/technology',
    '/tags/semiconductors',
    '/authors/archyde-staff',
    REFERENCE.path,
    '/search?q=chips',
  ]) {
    await page.goto(path)
    const image = await page.locator('meta[property="og:image"]').first().getAttribute('content')
    expect(image, path).toMatch(/^https?:\/\//)
    expect((await page.request.get(image!)).status(), `${path}: ${image}`).toBe(200)
    await expect(page.locator('meta[name="twitter:card"]'), path).toHaveAttribute(
      'content',
      'summary_large_image',
    )
    expect(await page.locator('link[rel="canonical"]').getAttribute('href'), path).toMatch(
      /^https?:\/\//,
    )
  }
})

test('an article without a hero gets a drawn share image', async ({ request }) => {
  const response = await request.get(
    '/og/business/manufacturers-slow-hiring-as-input-costs-stay-high',
  )
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/png')
  expect((await request.get('/og/world/no-such-article')).status()).toBe(404)
})
