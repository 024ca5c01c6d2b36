import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'

import type { APIRequestContext, APIResponse, Page } from '@playwright/test'

import { type Edge, startEdge } from '../../src/edge/varnish'
import { freePort } from '../../src/scripts/net'
import { createArticle, editorHeaders, section } from './api'
import { EDITOR, expect, REFERENCE, test } from './fixtures'
import { AdminPage } from './pages/AdminPage'
import { CommentsSection, readerAddress } from './pages/Comments'

const FOREIGN = 'https://evil.example'

/** The hash sources of a page's inline scripts, computed here from the body the browser got. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(
      ([, attributes]) =>
        !/\ssrc=/.test(attributes!) && !/type="application\/(ld\+)?json"/.test(attributes!),
    )
    .map(([, , text]) => `'sha256-${createHash('sha256').update(text!).digest('base64')}'`)
}

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

async function expectPagePolicy(response: APIResponse, framedBy: string) {
  const policy = response.headers()['content-security-policy']
  expect(policy, `a policy on ${response.url()}`).toBeDefined()
  const parsed = directives(policy!)
  expect(parsed['script-src']).toContain("'self'")
  expect(parsed['script-src']).not.toContain("'unsafe-inline'")
  expect(parsed['object-src']).toEqual(["'none'"])
  expect(parsed['base-uri']).toEqual(["'self'"])
  expect(parsed['frame-ancestors']).toEqual([framedBy])
  const hashes = inlineScriptHashes(await response.text())
  expect(hashes.length, 'the page inlines its flight data').toBeGreaterThan(0)
  for (const hash of hashes) expect(parsed['script-src']).toContain(hash)
}

function expectEveryResponseHeaders(response: APIResponse) {
  const headers = response.headers()
  expect(headers['permissions-policy'], response.url()).toContain('camera=()')
  expect(headers['cross-origin-opener-policy'], response.url()).toBe('same-origin')
  expect(headers['x-content-type-options'], response.url()).toBe('nosniff')
  // The test server's public URL is http: no HSTS (tests/unit/security.spec.ts covers https).
  expect(headers['strict-transport-security'], response.url()).toBeUndefined()
}

/**
 * Everything the page's policy blocks, in the page and its frames: the browser fires a
 * securitypolicyviolation event and logs "Refused to …" for each.
 */
async function violationsOf(page: Page): Promise<string[]> {
  const seen: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void })
        .reportViolation
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text())
  })
  return seen
}

/** The stored comments with exactly `text` as their body, as the editor sees them. */
async function commentsWithBody(
  request: APIRequestContext,
  headers: Record<string, string>,
  text: string,
): Promise<{ trust: string }[]> {
  const found = await request.get(
    `/api/comments?where[body][equals]=${encodeURIComponent(text)}&depth=0`,
    { headers },
  )
  return (await found.json()).docs
}

test.describe('every response', () => {
  test('reader pages, the admin and the API carry the security headers, pages a policy made from their own scripts', async ({
    request,
  }) => {
    for (const target of ['/', REFERENCE.path, '/search?q=china', '/technology']) {
      const response = await request.get(target)
      expect(response.status(), target).toBe(200)
      expectEveryResponseHeaders(response)
      await expectPagePolicy(response, "'self'")
    }

    const login = await request.get('/admin/login')
    expectEveryResponseHeaders(login)
    await expectPagePolicy(login, "'none'")

    for (const target of ['/api/articles?limit=1', '/feeds/rss.xml']) {
      const response = await request.get(target)
      expect(response.status(), target).toBe(200)
      expectEveryResponseHeaders(response)
    }
    const api = await request.get('/api/articles?limit=1')
    expect(directives(api.headers()['content-security-policy']!)['default-src']).toEqual(["'none'"])
  })

  test('a page stored by the proxy keeps the policy that matches its body', async ({ request }) => {
    const backend = new URL(process.env.E2E_BASE_URL!)
    const workDir = path.resolve('.data', `e2e-varnish-csp-${Date.now().toString(36)}`)
    let edge: Edge | undefined
    try {
      edge = await startEdge({
        listenPort: await freePort(),
        backendHost: '127.0.0.1',
        backendPort: Number(backend.port),
        workDir,
      })
      const url = `http://127.0.0.1:${edge.port}${REFERENCE.path}`
      await request.get(url)
      const stored = await request.get(url)
      expect(stored.headers()['x-cache']).toMatch(/^HIT/)
      await expectPagePolicy(stored, "'self'")
    } finally {
      await edge?.stop()
      rmSync(workDir, { recursive: true, force: true })
    }
  })
})

test.describe('no policy violation in Chromium', () => {
  test('on the home page, an article with its comment form and proof of work, and search', async ({
    page,
    request,
  }) => {
    const violations = await violationsOf(page)
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': readerAddress() })
    await page.goto('/')
    await page.waitForLoadState('networkidle')
    await page.goto('/search?q=china')
    await page.waitForLoadState('networkidle')

    // A centred paragraph: the rich text writes its alignment as a style attribute.
    const headers = await editorHeaders(request)
    const centred = section('Aligned', 'A centred line of reporting.')
    Object.assign(centred.content.root.children[0]!, { format: 'center' })
    const aligned = await createArticle(request, headers, {
      headline: `Aligned story ${Date.now().toString(36)}`,
      body: [centred],
    })
    await page.goto(aligned.path)
    await expect(page.getByText('A centred line of reporting.')).toHaveCSS('text-align', 'center')

    await page.goto(REFERENCE.path)
    const comments = new CommentsSection(page)
    const text = `Under a strict policy the form still works ${Date.now()}`
    await comments.post('Policy Reader', 'policy@example.com', text)
    await expect(comments.status).toContainText('awaiting moderation')
    // The proof of work ran (altcha's worker): the comment is stored as verified.
    expect((await commentsWithBody(request, headers, text))[0]).toMatchObject({
      trust: 'verified',
    })

    expect(violations).toEqual([])
  })

  test('on the admin login and the article editor', async ({ page, request }) => {
    const headers = await editorHeaders(request)
    const { articleId } = await createArticle(request, headers, {
      headline: `Policy check ${Date.now().toString(36)}`,
    })
    const violations = await violationsOf(page)
    const admin = new AdminPage(page)
    await admin.login(EDITOR.email, EDITOR.password)
    await admin.open(`/admin/collections/articles/${articleId}`)
    await admin.sectionText(0).click()
    await page.keyboard.type(' More reporting.')
    await expect(admin.sectionText(0)).toContainText('More reporting.')

    expect(violations).toEqual([])
  })
})

test.describe('requests from other sites', () => {
  test('the REST API does not honour the login cookie from a foreign Origin', async ({
    request,
    baseURL,
  }) => {
    const headers = await editorHeaders(request)
    const { articleId } = await createArticle(request, headers, {
      headline: `Cookie check ${Date.now().toString(36)}`,
    })
    const login = await request.post('/api/users/login', { data: EDITOR })
    const cookie = login
      .headersArray()
      .filter(({ name }) => name.toLowerCase() === 'set-cookie')
      .map(({ value }) => value.split(';')[0])
      .find((value) => value.startsWith('payload-token='))
    expect(cookie).toBeDefined()
    const edit = (origin: string) =>
      request.patch(`/api/articles/${articleId}?draft=true`, {
        headers: { cookie: cookie!, origin },
        data: { dek: `Edited from ${origin}` },
      })

    const foreign = await edit(FOREIGN)
    expect(foreign.status()).toBe(403)
    expect(foreign.headers()['access-control-allow-origin']).toBeUndefined()
    const me = await request.get('/api/users/me', { headers: { cookie: cookie!, origin: FOREIGN } })
    expect((await me.json()).user).toBeNull()

    expect((await edit(baseURL!)).status()).toBe(200)
  })

  test('a comment posted from a foreign page is refused with 403 and a message', async ({
    request,
  }) => {
    const headers = await editorHeaders(request)
    const { articleId } = await createArticle(request, headers, {
      headline: `Comment origin ${Date.now().toString(36)}`,
    })
    const { token } = await (await request.get(`/next/comments/token?article=${articleId}`)).json()
    const text = `Posted from elsewhere ${Date.now()}`
    const posted = await request.post('/next/comments', {
      headers: { origin: FOREIGN, 'x-forwarded-for': readerAddress() },
      form: {
        article: String(articleId),
        name: 'Elsewhere',
        email: 'e@example.com',
        body: text,
        token,
      },
    })

    expect(posted.status()).toBe(403)
    expect((await posted.json()).error.message).toContain(`sent from ${FOREIGN}`)
    expect(await commentsWithBody(request, headers, text)).toHaveLength(0)
  })
})
