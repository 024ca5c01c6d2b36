import { describe, expect, it } from 'vitest'

import { createUser, scheduledDraft } from '../support/factories'
import { testPayload } from '../support/payload'

async function scheduled(role: 'editor' | 'author') {
  const payload = await testPayload()
  const user = await createUser(payload, role)
  const { draft, job } = await scheduledDraft(payload, user, new Date(Date.now() - 1000))
  await payload.jobs.runByID({ id: job.id })
  const left = await payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } } })
  return {
    article: await payload.findByID({ collection: 'articles', id: draft.id }),
    // A job that completes is removed; one that fails stays, with its error, for editors to see.
    job: left.docs[0] ?? null,
  }
}

describe('scheduled publishing through the jobs queue', () => {
  it('publishes as the editor who scheduled it', async () => {
    const { article, job } = await scheduled('editor')
    expect(article._status).toBe('published')
    expect(job).toBeNull()
  })

  it('refuses what the scheduler may not do: an author’s schedule fails and is recorded', async () => {
    const { article, job } = await scheduled('author')
    expect(article._status).toBe('draft')
    expect(job?.hasError).toBe(true)
    expect(JSON.stringify(job?.error)).toMatch(/not allowed/)
  })
})
