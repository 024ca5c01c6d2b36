import { ArticlePage } from './pages/ArticlePage'
import { expect, REFERENCE, test } from './fixtures'

test.describe('a reader', () => {
  test('finds the reference article from the home page', async ({ page }) => {
    await page.goto('/')
    const link = page.getByRole('link', { name: REFERENCE.headline })
    await expect(link).toHaveAttribute('href', REFERENCE.path)
    await link.click()
    await expect(new ArticlePage(page).headline).toHaveText(REFERENCE.headline)
    // Marked breaking a year ago: its time is long over, so it carries no label.
    await expect(page.getByText('Breaking', { exact: true })).toHaveCount(0)
  })

  test('sees a section page listing its articles', async ({ page }) => {
    await page.goto('/')
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Technology' })
      .click()
    await expect(page).toHaveURL(/\/technology$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technology')
    await expect(page.getByRole('link', { name: REFERENCE.headline })).toBeVisible()
  })

  test('gets a table of contents whose every entry leads to a heading on the page', async ({
    page,
  }) => {
    const article = new ArticlePage(page)
    await article.goto(REFERENCE.path)
    const entries = article.contents.getByRole('listitem')
    await expect(entries).toHaveCount(19)
    const links = await article.contents
      .getByRole('link')
      .evaluateAll((anchors) =>
        anchors.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })),
      )
    for (const { href, text } of links) {
      expect(href).toMatch(/^#[a-z0-9-]+$/)
      const target = page.locator(`[id="${href.slice(1)}"]`)
      await expect(target, `heading for "${text}"`).toHaveText(text)
      expect(await target.evaluate((el) => el.tagName)).toBe('H2')
    }
    await article.contents.getByRole('link', { name: 'Frequently Asked Questions' }).click()
    await expect(page).toHaveURL(/#frequently-asked-questions$/)
    await expect(
      page.getByRole('heading', { name: 'Frequently Asked Questions', level: 2 }),
    ).toBeInViewport()
  })

  test('sees both comparison tables with every cell, and the source note', async ({ page }) => {
    const article = new ArticlePage(page)
    await article.goto(REFERENCE.path)
    expect(
      await article.tableCells('Side-by-side comparison: U.S. and China AI approaches'),
    ).toEqual([
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
    expect(await article.tableCells('Ascend 910 vs. Nvidia H100')).toEqual([
      ['Metric', 'Ascend 910 (2023)', 'Nvidia H100 (2023)'],
      ['Peak FP16 performance', '256 TOPS', '312 TOPS'],
      ['Power efficiency (TOPS/W)', '46', '25'],
      ['Price/Performance ratio', '1.4× better', '–'],
      ['Deployment in Chinese data centers', '30 % (2024)', '5 % (2024)'],
      ['US export restriction impact', 'minimal (domestic fabs)', 'High (US‑controlled fabs)'],
    ])
    await expect(article.table('Ascend 910 vs. Nvidia H100').getByRole('columnheader')).toHaveCount(
      3,
    )
    await expect(article.table('Ascend 910 vs. Nvidia H100').getByRole('rowheader')).toHaveCount(5)
    await expect(
      page.getByText('Based on public pricing and benchmark data (TechInsights, 2024).'),
    ).toBeVisible()
  })

  test('sees the five FAQ questions with their answers', async ({ page }) => {
    const article = new ArticlePage(page)
    await article.goto(REFERENCE.path)
    await expect(article.faq).toHaveText([
      'What Is Artificial intelligence?',
      'How Does China Use Artificial Intelligence?',
      'What Is The United States’ Approach To Artificial Intelligence?',
      'Will artificial Intelligence Replace Jobs?',
      'Is It Safe To Deploy Artificial Intelligence In Critical Systems?',
    ])
    await expect(page.getByRole('definition').first()).toContainText(
      'Artificial Intelligence Is A Field Of Computer Science',
    )
  })

  test('gets the byline, dates, keyword focus, external links and share links', async ({
    page,
  }) => {
    await page.goto(REFERENCE.path)
    await expect(page.getByText('By Archyde Staff').first()).toBeVisible()
    await expect(page.locator('time[datetime^="2025-12-05"]').first()).toBeVisible()
    await expect(page.getByText('Keyword focus:')).toHaveCount(8)
    await expect(page.getByRole('link', { name: 'aiindex.stanford.edu' })).toHaveAttribute(
      'href',
      'https://aiindex.stanford.edu/',
    )
    await expect(page.getByRole('link', { name: 'nist.gov' })).toHaveAttribute(
      'href',
      'https://www.nist.gov/',
    )
    const share = page.getByRole('navigation', { name: 'Share this article' })
    await expect(share.getByRole('link')).toHaveCount(5)
    await expect(page.getByRole('img', { name: /two diverging paths/ })).toBeVisible()
  })

  test('gets a page whose metadata describes the article', async ({ page, baseURL }) => {
    await page.goto(REFERENCE.path)
    await expect(page).toHaveTitle(`${REFERENCE.headline} — Broadsheet`)
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /Huawei founder Ren Zhengfei/,
    )
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${baseURL}${REFERENCE.path}`,
    )
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      REFERENCE.headline,
    )
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      /^http.*\.webp$/,
    )
  })

  test('gets a page with the landmarks assistive technology relies on', async ({ page }) => {
    await page.goto(REFERENCE.path)
    await expect(page.getByRole('banner')).toHaveCount(1)
    await expect(page.getByRole('main')).toHaveCount(1)
    await expect(page.getByRole('contentinfo')).toHaveCount(1)
    await expect(page.getByRole('article', { name: REFERENCE.headline })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  })

  test('loads no script or stylesheet from another origin', async ({ page, baseURL }) => {
    const foreign: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:'))
        foreign.push(request.url())
    })
    await page.goto(REFERENCE.path)
    await page.goto('/')
    expect(foreign).toEqual([])
  })
})
