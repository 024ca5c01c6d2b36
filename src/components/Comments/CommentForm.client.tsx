'use client'

import { useId, useRef, useState } from 'react'

// The widget's styles as a stylesheet of the site's own: the widget would otherwise write them
// into a <style> element at run time, which the reader pages' Content-Security-Policy refuses.
import 'altcha/altcha.css'

type Field = 'name' | 'email' | 'body'
type Problems = Partial<Record<Field, string>>
type Status = { kind: 'ok' | 'error' | 'sending'; text: string } | null
type AltchaWidget = HTMLElement & { getState?: () => string; verify?: () => void }

const FIELDS: Field[] = ['name', 'email', 'body']

/** A v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * The comment form. Without JavaScript it is a plain POST answered with a
 * redirect. With it, the form posts inline and keeps the text on error; when
 * the reader starts writing it fetches a fresh form token and loads the ALTCHA
 * proof-of-work widget, so article pages carry none of that until then.
 */
export function CommentForm({
  articleId,
  parentId,
  token,
  labelledBy,
}: {
  articleId: number
  parentId?: number
  token: string
  labelledBy?: string
}) {
  const id = useId()
  const widgetBox = useRef<HTMLDivElement>(null)
  const widget = useRef<AltchaWidget | null>(null)
  const proof = useRef<string | null>(null)
  const starting = useRef<Promise<void> | null>(null)
  const [formToken, setFormToken] = useState(token)
  const [problems, setProblems] = useState<Problems>({})
  const [status, setStatus] = useState<Status>(null)
  const [closed, setClosed] = useState(false)

  // One key per comment: a retried send reuses it, so the server creates the comment once.
  const key = useRef<string | null>(null)
  function start(): Promise<void> {
    starting.current ??= (async () => {
      const fresh = fetch(`/next/comments/token?article=${articleId}`)
        .then((response) => (response.ok ? response.json() : null))
        .then((data: { token?: string; open?: boolean } | null) => {
          if (data?.token) setFormToken(data.token)
          if (data?.open === false) {
            setClosed(true)
            setStatus({ kind: 'error', text: 'Comments on this article are now closed.' })
          }
        })
        .catch(() => undefined)
      try {
        // The widget writes its <style> only when no element has this id (altcha's injectCss).
        if (!document.getElementById('altcha-css')) {
          const styled = document.createElement('meta')
          styled.id = 'altcha-css'
          document.head.append(styled)
        }
        await import('altcha')
        const element = document.createElement('altcha-widget') as AltchaWidget
        element.setAttribute('challenge', '/next/comments/challenge')
        element.setAttribute('auto', 'onload')
        element.setAttribute('name', 'altcha')
        element.setAttribute('configuration', JSON.stringify({ hideLogo: true, hideFooter: true }))
        element.addEventListener('verified', (event) => {
          proof.current = (event as CustomEvent<{ payload: string }>).detail.payload
        })
        widgetBox.current?.replaceChildren(element)
        widget.current = element
      } catch {
        // Without the widget the comment is still accepted, held with lower trust.
      }
      await fresh
    })()
    return starting.current
  }

  /** Waits (bounded) for the proof of work the widget started when it loaded. */
  function proofOfWork(): Promise<string | null> {
    const element = widget.current
    if (proof.current || !element) return Promise.resolve(proof.current)
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer)
        element.removeEventListener('statechange', onChange)
        element.removeEventListener('verified', finish)
        resolve(proof.current)
      }
      // The widget may report the 'verified' state before its 'verified' event carries the
      // solution: finish on the event (the listener added at creation has stored it by then).
      const onChange = (event: Event) => {
        const { state, payload } = (event as CustomEvent<{ state: string; payload?: string }>)
          .detail
        if (state === 'verified' && payload) proof.current = payload
        if ((state === 'verified' && proof.current) || state === 'error' || state === 'expired') {
          finish()
        }
      }
      const timer = setTimeout(finish, 20_000)
      element.addEventListener('statechange', onChange)
      element.addEventListener('verified', finish)
      if (element.getState?.() === 'verified' && proof.current) finish()
    })
  }

  /** After a send (or a spent proof), the next comment gets a new token, key and proof. */
  function restart() {
    proof.current = null
    widget.current = null
    widgetBox.current?.replaceChildren()
    starting.current = null
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
    if (status?.kind === 'sending' || closed) return
    const form = event.currentTarget
    setStatus({ kind: 'sending', text: 'Sending your comment…' })
    setProblems({})
    await start()
    const altcha = await proofOfWork()
    const fields = Object.fromEntries(new FormData(form)) as Record<string, string>
    delete fields.altcha
    key.current ??= newKey()
    const body = JSON.stringify({
      ...fields,
      token: formToken,
      key: key.current,
      ...(altcha ? { altcha } : {}),
    })
    let response: Response
    try {
      response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
      })
    } catch {
      setStatus({
        kind: 'error',
        text: 'Your comment could not be sent: the site could not be reached. Your text is still here; please try again.',
      })
      return
    }
    const result = (await response.json().catch(() => null)) as {
      ok?: boolean
      message?: string
      error?: {
        message: string
        field: string | null
        problems?: { field: string | null; message: string }[]
      }
    } | null
    if (response.ok && result?.ok) {
      const textarea = form.elements.namedItem('body') as HTMLTextAreaElement | null
      if (textarea) textarea.value = ''
      key.current = null
      restart()
      setStatus({
        kind: 'ok',
        text: result.message ?? 'Thank you. Your comment is awaiting moderation.',
      })
      return
    }
    const found: Problems = {}
    for (const problem of result?.error?.problems ?? []) {
      if (FIELDS.includes(problem.field as Field)) found[problem.field as Field] ??= problem.message
    }
    if (result?.error?.field === 'altcha' || response.status === 422) restart()
    setProblems(found)
    setStatus({
      kind: 'error',
      text:
        Object.keys(found).length > 0
          ? 'Your comment was not sent. Please correct the marked fields.'
          : (result?.error?.message?.replace(/^\w+: /, '') ?? 'Your comment could not be sent.'),
    })
    const first = FIELDS.find((field) => found[field])
    if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus()
  }

  const described = (field: Field, hint?: string) =>
    [hint, problems[field] ? `${id}-${field}-error` : null].filter(Boolean).join(' ') || undefined

  return (
    <>
      <form
        className="comment-form"
        action="/next/comments"
        method="post"
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : 'Reply'}
        onSubmit={onSubmit}
        onInput={() => void start()}
      >
        <input type="hidden" name="article" value={articleId} />
        {parentId !== undefined && <input type="hidden" name="parent" value={parentId} />}
        <input type="hidden" name="token" value={formToken} />
        <div className="comment-form__trap" aria-hidden="true">
          <label htmlFor={`${id}-website`}>Leave this field empty</label>
          <input id={`${id}-website`} type="text" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p className="comment-form__field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            required
            maxLength={80}
            autoComplete="name"
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={described('name')}
          />
          {problems.name && (
            <span id={`${id}-name-error`} className="comment-form__error">
              {problems.name}
            </span>
          )}
        </p>
        <p className="comment-form__field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={described('email', `${id}-email-hint`)}
          />
          <span id={`${id}-email-hint`} className="comment-form__hint">
            Never shown. Editors may use it to contact you about your comment.
          </span>
          {problems.email && (
            <span id={`${id}-email-error`} className="comment-form__error">
              {problems.email}
            </span>
          )}
        </p>
        <p className="comment-form__field">
          <label htmlFor={`${id}-body`}>{parentId === undefined ? 'Comment' : 'Reply'}</label>
          <textarea
            id={`${id}-body`}
            name="body"
            required
            maxLength={5000}
            rows={parentId === undefined ? 6 : 4}
            aria-invalid={problems.body ? true : undefined}
            aria-describedby={described('body', `${id}-body-hint`)}
          />
          <span id={`${id}-body-hint`} className="comment-form__hint">
            Plain text, up to 5,000 characters. Comments appear after an editor approves them.
          </span>
          {problems.body && (
            <span id={`${id}-body-error`} className="comment-form__error">
              {problems.body}
            </span>
          )}
        </p>
        <p className="comment-form__actions">
          <button type="submit" aria-disabled={status?.kind === 'sending' || closed}>
            {parentId === undefined ? 'Post comment' : 'Post reply'}
          </button>
        </p>
        {/* Both live regions exist from the start, so screen readers announce what lands in them. */}
        <p
          className={`comment-form__status comment-form__status--${status?.kind === 'error' ? 'none' : (status?.kind ?? 'none')}`}
          role="status"
        >
          {status && status.kind !== 'error' ? status.text : ''}
        </p>
        <p className="comment-form__status comment-form__status--error" role="alert">
          {status?.kind === 'error' ? status.text : ''}
        </p>
      </form>
      {/* Outside the form: the widget's own checkbox must not take part in the form's validation or submission. */}
      <div ref={widgetBox} className="comment-form__proof" />
    </>
  )
}
