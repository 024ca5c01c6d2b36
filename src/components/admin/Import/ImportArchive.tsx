'use client'

import { useAuth, useConfig } from '@payloadcms/ui'
import { type FormEvent, useEffect, useId, useState } from 'react'

import './import.css'

type Report = {
  created?: Record<string, number>
  approximations?: Record<string, number>
  attachments?: number
  skippedItems?: { item: string; reason: string }[]
  notes?: string[]
  notesTotal?: number
  articles?: { id: number; headline: string; status: string; updated: boolean }[]
}
type Run = {
  id: number
  filename: string
  platform: 'wordpress' | 'ghost'
  status: 'running' | 'done' | 'failed'
  total?: number | null
  done?: number | null
  imported?: number | null
  updated?: number | null
  unchanged?: number | null
  skipped?: number | null
  report?: Report | null
  error?: string | null
  createdAt: string
}

const MAX_BYTES = 256 * 1024 * 1024

const count = (n: number | undefined, one: string, many = `${one}s`) =>
  `${n ?? 0} ${n === 1 ? one : many}`

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–'
  const s = Math.round(seconds)
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`
}

/**
 * Above the articles list, for editors: import a WordPress (WXR) or Ghost
 * (JSON) export with the same engine as the command line. The upload starts a
 * run (src/import/runs.ts); this polls it each second for its progress (items
 * done of the total, rate, time left), then shows its report with links to
 * the articles it imported.
 */
export function ImportArchive() {
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig()
  const { user } = useAuth()
  const id = useId()
  const [run, setRun] = useState<Run | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [startedAt, setStartedAt] = useState(0)
  const [rate, setRate] = useState(0)

  useEffect(() => {
    if (!run || run.status !== 'running') return
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${api}/import-runs/${run.id}?depth=0`, {
          credentials: 'include',
        })
        if (response.ok) {
          const next = (await response.json()) as Run
          const seconds = (Date.now() - startedAt) / 1000
          setRate(seconds > 0 ? (next.done ?? 0) / seconds : 0)
          setRun(next)
        } else setRun({ ...run })
      } catch {
        setRun({ ...run })
      }
    }, 1000)
    return () => clearTimeout(timer)
  }, [api, run, startedAt])

  const role = (user as { role?: string } | null)?.role
  if (role !== 'admin' && role !== 'editor') return null

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const file = form.get('file')
    setError(null)
    if (!(file instanceof File) || file.size === 0) {
      setError('Choose an export file first.')
      return
    }
    if (file.size > MAX_BYTES) {
      setError(
        'The export is over 256 MB; import it with npm run import:wordpress or import:ghost.',
      )
      return
    }
    const query = new URLSearchParams({ filename: file.name })
    if (form.get('fetchMedia')) query.set('fetchMedia', '1')
    const siteUrl = String(form.get('siteUrl') ?? '').trim()
    if (siteUrl) query.set('siteUrl', siteUrl)
    setBusy(true)
    try {
      const response = await fetch(`${api}/import-runs/start?${query}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
      })
      const body = await response.json()
      if (response.status !== 202) {
        setError(body.errors?.[0]?.message ?? `The import could not start (${response.status}).`)
        return
      }
      setStartedAt(Date.now())
      setRate(0)
      setRun({
        id: body.id,
        filename: file.name,
        platform: body.platform,
        status: 'running',
        createdAt: new Date().toISOString(),
      })
    } catch {
      setError('The server could not be reached; try again.')
    } finally {
      setBusy(false)
    }
  }

  const done = run?.done ?? 0
  const total = run?.total ?? 0
  const report = run?.report ?? {}

  return (
    <details className="bs-import">
      <summary>Import a WordPress or Ghost export</summary>
      <form onSubmit={submit} aria-describedby={`${id}-help`}>
        <p id={`${id}-help`} className="bs-import__help">
          A WordPress export (Tools → Export, an .xml file) or a Ghost export (Settings → Labs →
          Export, a .json file): posts and pages with their status, desks, topics, bylines, comments
          and old addresses. Safe to run again: what was imported before is updated, not repeated.
        </p>
        <div className="bs-import__fields">
          <label>
            Export file
            <input type="file" name="file" accept=".xml,.json,application/xml,application/json" />
          </label>
          <label className="bs-import__check">
            <input type="checkbox" name="fetchMedia" value="1" />
            Fetch images from the old site
          </label>
          <label>
            Old site address (Ghost)
            <input type="url" name="siteUrl" placeholder="https://old.example" />
          </label>
          <button
            type="submit"
            className="btn btn--style-primary btn--size-small"
            disabled={busy || run?.status === 'running'}
          >
            {busy ? 'Uploading…' : 'Start import'}
          </button>
        </div>
        {error && (
          <div role="alert" className="bs-import__report">
            <p>{error}</p>
          </div>
        )}
      </form>
      {run && (
        <section className="bs-import__report" aria-live="polite" aria-label="Import progress">
          {run.status === 'running' && (
            <>
              <p>
                Importing {run.filename}: {done} of {total || '…'} items · {rate.toFixed(1)}/s ·
                about {duration(rate > 0 ? (total - done) / rate : NaN)} left
              </p>
              <progress max={total || 1} value={done} aria-label="Items imported" />
            </>
          )}
          {run.status === 'failed' && <p role="alert">{run.error}</p>}
          {run.status === 'done' && (
            <>
              <p>
                Done: {run.imported ?? 0} imported, {run.updated ?? 0} updated, {run.unchanged ?? 0}{' '}
                unchanged, {run.skipped ?? 0} skipped.
              </p>
              {report.created && (
                <p>
                  {`Created ${[
                    count(report.created.desks, 'desk'),
                    count(report.created.topics, 'topic'),
                    count(report.created.bylines, 'byline'),
                    count(report.created.comments, 'comment'),
                    count(report.created.redirects, 'redirect'),
                    count(report.created.media, 'image'),
                  ].join(', ')}.`}
                </p>
              )}
              {report.approximations && Object.keys(report.approximations).length > 0 && (
                <p>
                  Approximations:{' '}
                  {Object.entries(report.approximations)
                    .map(([kind, count]) => `${kind} ${count}`)
                    .join(', ')}
                  .
                </p>
              )}
            </>
          )}
          {(report.skippedItems?.length ?? 0) > 0 && (
            <>
              <h4>Skipped</h4>
              <ul>
                {report.skippedItems!.map((skipped, index) => (
                  <li key={index}>
                    {skipped.item}: {skipped.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {(report.notes?.length ?? 0) > 0 && (
            <>
              <h4>
                Notes ({report.notesTotal ?? report.notes!.length}; each article lists its own under
                Imported from)
              </h4>
              <ul className="bs-import__notes">
                {report.notes!.map((note, index) => (
                  <li key={index}>{note}</li>
                ))}
              </ul>
            </>
          )}
          {(report.articles?.length ?? 0) > 0 && (
            <>
              <h4>Articles</h4>
              <ul>
                {report.articles!.map((article) => (
                  <li key={article.id}>
                    <a href={`${admin}/collections/articles/${article.id}`}>{article.headline}</a> (
                    {article.status}
                    {article.updated ? ', updated' : ''})
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </details>
  )
}
