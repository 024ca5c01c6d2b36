'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { type FormEvent, useEffect, useId, useState } from 'react'

import type { ImportProblem } from '@/import/problems'

import './import.css'

type Desk = { id: number; name: string; slug: string }
type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'refused'; message: string; problems: ImportProblem[] }

const MAX_BYTES = 1024 * 1024

/**
 * Above the articles list: import a Markdown or plain-text file as a draft.
 * What the article cannot carry exactly is imported as well as it can be and
 * listed beside the draft (under Imported from, which the publish checklist
 * flags until checked); a file that cannot be read at all is refused with its
 * reasons, and nothing is saved.
 */
export function ImportArticle() {
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig()
  const id = useId()
  const router = useRouter()
  const [desks, setDesks] = useState<Desk[]>([])
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })

  useEffect(() => {
    fetch(`${api}/sections?limit=200&depth=0&sort=name`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((result: { docs: Desk[] }) => setDesks(result.docs))
      .catch(() => setDesks([]))
  }, [api])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ kind: 'refused', message: 'Choose a .md or .txt file first.', problems: [] })
      return
    }
    if (file.size > MAX_BYTES) {
      setOutcome({ kind: 'refused', message: 'The file is over 1024 KB; split it.', problems: [] })
      return
    }
    setOutcome({ kind: 'busy' })
    try {
      const response = await fetch(`${api}/articles/import`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          filename: file.name,
          text: await file.text(),
          section: form.get('section') || null,
        }),
      })
      const body = await response.json()
      if (response.status === 201) {
        router.push(`${admin}/collections/articles/${body.id}`)
        return
      }
      setOutcome({
        kind: 'refused',
        message: body.errors?.[0]?.message ?? `The import failed (${response.status}).`,
        problems: body.problems ?? [],
      })
    } catch {
      setOutcome({
        kind: 'refused',
        message: 'The server could not be reached; try again.',
        problems: [],
      })
    }
  }

  return (
    <details className="bs-import">
      <summary>Import an article from a Markdown or text file</summary>
      <form onSubmit={submit} aria-describedby={`${id}-help`}>
        <p id={`${id}-help`} className="bs-import__help">
          The file becomes a draft. Markdown as Jekyll, Hugo, Hexo, Astro or Eleventy write it:
          front matter in YAML, TOML or JSON (title, description, author, category, date, tags),
          sections, tables, code, lists, a “Frequently Asked Questions” section and “Keyword focus:”
          lines. Plain text shaped like the reference article works too. What the article cannot
          carry exactly is listed beside the draft, under Imported from.
        </p>
        <div className="bs-import__fields">
          <label>
            File
            <input type="file" name="file" accept=".md,.markdown,.txt,text/markdown,text/plain" />
          </label>
          <label>
            Desk, if the file names none that exists
            <select name="section" defaultValue="">
              <option value="">—</option>
              {desks.map((desk) => (
                <option key={desk.id} value={desk.slug}>
                  {desk.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="btn btn--style-primary btn--size-small"
            disabled={outcome.kind === 'busy'}
          >
            {outcome.kind === 'busy' ? 'Importing…' : 'Import as draft'}
          </button>
        </div>
        {outcome.kind === 'refused' && (
          <div role="alert" className="bs-import__report">
            <p>{outcome.message}</p>
            {outcome.problems.length > 0 && (
              <ul>
                {outcome.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.line === null ? '' : `Line ${problem.line}: `}
                    {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </details>
  )
}
