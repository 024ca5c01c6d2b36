import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext } from '@playwright/test'

import { EDITOR, expect, REFERENCE, test } from './fixtures'
import { createArticle, editorHeaders } from './api'
import { AdminPage } from './pages/AdminPage'
import { CommentsSection, readerAddress } from './pages/Comments'

/** A published article of the test's own, so its comments disturb no other test. */
function freshArticle(
  request: APIRequestContext,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
) {
  return createArticle(request, headers, {
    headline: `Comment safety check ${Date.now()}`,
    dek: 'An article for hostile comments.',
    ...extra,
  })
}

/** A comment as moderators see it, through REST as the editor. */
async function commentAsEditor(request: APIRequestContext, text: string) {
  const headers = await editorHeaders(request)
  const response = await request.get(
    `/api/comments?where[body][equals]=${encodeURIComponent(text)}&depth=0`,
    { headers },
  )
  return (await response.json()).docs[0]
}

/** Approves from the pending list; asserts what the moderator is left with, not the passing toast. */
async function approveInAdmin(admin: AdminPage, text: string) {
  await admin.open('/admin/collections/comments?where[status][equals]=pending&limit=100')
  const row = admin.page.getByRole('row').filter({ hasText: text })
  await row.getByRole('checkbox').check()
  await admin.page.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(row).toHaveCount(0)
  expect(await commentAsEditor(admin.page.request, text)).toMatchObject({ status: 'approved' })
}

/** Reloads until the reader sees `text`: approval reaches the cached page within about a second. */
async function expectPublished(section: CommentsSection, text: string) {
  await expect(async () => {
    await section.page.reload()
    await expect(section.comment(text)).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
}

test.describe('a reader with JavaScript', () => {
  test('posts inline, is told the comment awaits moderation, and sees it once an editor approves', async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': readerAddress() })
    const comments = new CommentsSection(page)
    const text = `A thoughtful point about export controls ${Date.now()}`
    await page.goto(REFERENCE.path)
    await expect(page.locator('altcha-widget')).toHaveCount(0)

    await comments.post('Margaret', 'margaret@example.com', text)
    await expect(comments.status).toContainText('awaiting moderation')
    await expect(comments.form.getByLabel('Comment')).toHaveValue('')
    expect(page.url()).not.toContain('#comment-received')
    await expect(comments.comment(text)).toHaveCount(0)
    // The widget loaded on the first keystroke and solved its proof of work, so moderators see
    // the comment as verified. (The widget itself is gone by now: a sent form removes it.)
    expect(await commentAsEditor(request, text)).toMatchObject({
      status: 'pending',
      trust: 'verified',
    })

    const editor = await browser.newPage({ baseURL })
    const admin = new AdminPage(editor)
    await admin.login(EDITOR.email, EDITOR.password)
    await expect(editor.getByText(/awaiting moderation/)).toBeVisible()
    await approveInAdmin(admin, text)

    await expectPublished(comments, text)
    const shown = comments.comment(text)
    await expect(shown).toContainText('Margaret')
    await expect(shown.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
    const count = page.getByRole('link', { name: /^\d+ comments?$/ })
    await expect(count).toBeVisible()
    const approved = await comments.region.getByRole('article').count()
    await expect(count).toHaveText(`${approved} comments`)
    // Lists show the same count, refreshed by the same approval.
    await page.goto('/technology')
    await expect(page.locator(`a[href="${REFERENCE.path}#comments"]`)).toHaveText(
      `${approved} comments`,
    )
    await page.goto(REFERENCE.path)

    // A reply nests under its parent.
    const reply = `Replying to Margaret ${Date.now()}`
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': readerAddress() })
    const replyForm = await comments.reply('Margaret', 'Ravi', 'ravi@example.com', reply)
    await expect(replyForm.getByRole('status')).toContainText('awaiting moderation')
    await approveInAdmin(admin, reply)
    await expectPublished(comments, reply)
    const replies = comments.comment(text).getByRole('list', { name: /Replies to Margaret/ })
    await expect(replies.getByRole('listitem').filter({ hasText: reply })).toBeVisible()
    await editor.close()
  })

  test('keeps the text when the server refuses the comment', async ({ page }) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': readerAddress() })
    const comments = new CommentsSection(page)
    await page.goto(REFERENCE.path)
    await comments.post('Quick', 'quick@example.com', `First thought ${Date.now()}`)
    await expect(comments.status).toContainText('awaiting moderation')
    const second = `Second thought, too soon ${Date.now()}`
    await comments.post('Quick', 'quick@example.com', second)
    await expect(comments.form.getByRole('alert')).toContainText('too quickly')
    await expect(comments.form.getByLabel('Comment')).toHaveValue(second)
    const results = await new AxeBuilder({ page })
      .include('#comments')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])
  })

  test('can be used from the keyboard alone, replies included', async ({ page }) => {
    await page.goto(REFERENCE.path)
    const comments = new CommentsSection(page)
    const reply = comments.region.getByText('Reply', { exact: false }).first()
    await reply.focus()
    await page.keyboard.press('Enter')
    const form = comments.region.getByRole('form', { name: 'Reply' }).first()
    await expect(form.getByLabel('Name')).toBeVisible()
    await form.getByLabel('Name').focus()
    await page.keyboard.press('Tab')
    await expect(form.getByLabel('Email')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(form.getByLabel('Reply')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(form.getByRole('button', { name: 'Post reply' })).toBeFocused()
  })
})

test.describe('a reader without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('posts the plain form and lands back on the article with the moderation notice', async ({
    page,
    request,
  }) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': readerAddress() })
    const comments = new CommentsSection(page)
    await page.goto(REFERENCE.path)
    const text = `Written without scripts ${Date.now()}`
    await comments.post('Nojs Reader', 'nojs@example.com', text)
    await expect(page).toHaveURL(new RegExp(`${REFERENCE.path}#comment-received$`))
    await expect(page.getByText('Your comment is awaiting moderation')).toBeVisible()
    await expect(page.getByText('Comments on this article are closed.')).toBeHidden()
    expect(await commentAsEditor(request, text)).toMatchObject({
      status: 'pending',
      trust: 'unverified',
      heldReasons: [expect.stringMatching(/without JavaScript/)],
    })
  })

  test('is told what went wrong when the form is refused', async ({ page }) => {
    const address = readerAddress()
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': address })
    const comments = new CommentsSection(page)
    await page.goto(REFERENCE.path)
    await comments.post('Twice', 'twice@example.com', `Once ${Date.now()}`)
    await expect(page).toHaveURL(/#comment-received$/)
    await comments.post('Twice', 'twice@example.com', `Again ${Date.now()}`)
    await expect(page).toHaveURL(/#comment-error-wait$/)
    await expect(page.getByText('you are commenting too quickly')).toBeVisible()
  })
})

test.describe('the form token endpoint', () => {
  test('tells the inline form whether the article still takes comments', async ({ request }) => {
    const headers = await editorHeaders(request)
    const open = await freshArticle(request, headers)
    const closed = await freshArticle(request, headers, { commentsEnabled: false })
    const ask = (id: number | string) => request.get(`/next/comments/token?article=${id}`)
    expect(await (await ask(open.articleId)).json()).toMatchObject({
      open: true,
      token: expect.any(String),
    })
    expect(await (await ask(closed.articleId)).json()).toMatchObject({ open: false })
    expect((await ask(99_999_999)).status()).toBe(404)
    expect((await ask('99999999999')).status()).toBe(400)
    expect((await ask('abc')).status()).toBe(400)
  })
})

test.describe('hostile comments', () => {
  const hostile = [
    '<script>window.__pwned = "script"</script>',
    '<img src=x onerror="window.__pwned = \'img\'">',
    '<a href="javascript:window.__pwned = \'link\'">click me</a>',
    '<svg onload="window.__pwned = \'svg\'"><script>window.__pwned = "svg-script"</script></svg>',
    '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
    'Quiet \u202Eexe.gnp\u202C text with a direction override',
  ]

  test('render as inert text: no script runs, every character is shown as written', async ({
    page,
    request,
  }) => {
    const headers = await editorHeaders(request)
    const { articleId, path } = await freshArticle(request, headers)
    const stamp = Date.now()
    for (const [index, body] of hostile.entries()) {
      const { token } = await (
        await request.get(`/next/comments/token?article=${articleId}`)
      ).json()
      const response = await request.post('/next/comments', {
        headers: { 'x-forwarded-for': readerAddress() },
        data: {
          article: articleId,
          name: `Attacker ${index} ${stamp}`,
          email: `a${index}@example.com`,
          body,
          token,
        },
      })
      expect(response.status(), body).toBe(201)
      const { id } = await response.json()
      const approved = await request.patch(`/api/comments/${id}`, {
        headers,
        data: { status: 'approved' },
      })
      expect(approved.ok()).toBe(true)
    }

    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const comments = new CommentsSection(page)
    await page.goto(path)
    await expectPublished(comments, `Attacker ${hostile.length - 1} ${stamp}`)
    for (const [index, body] of hostile.entries()) {
      const item = comments.comment(`Attacker ${index} ${stamp}`)
      await expect(item.locator('.comment__body')).toHaveText(body)
    }
    const comments_html = await comments.region.innerHTML()
    expect(comments_html).not.toMatch(/<(script|img|svg|iframe)\b/i)
    expect(comments_html).not.toMatch(/<a href="javascript:/i)
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined()
    expect(dialogs).toEqual([])
  })
})
