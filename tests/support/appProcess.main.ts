/**
 * One app process for tests that need several on one database: Payload with
 * its jobs runner, as a server starts it (cron on; BROADSHEET_JOBS decides),
 * and the comment endpoint's handler. Takes commands as JSON lines on stdin
 * and answers each on stdout as `@@ {json}` (Payload's log shares stdout).
 * Started by tests/support/appProcess.ts with `node --import tsx`.
 */
import { createInterface } from 'node:readline'

import config from '@payload-config'
import { sql } from '@payloadcms/db-postgres'
import { getPayload } from 'payload'

import { currentJobsLeader, STALE_JOB_SECONDS } from '@/jobs/leader'

import { POST } from '../../app/(frontend)/next/comments/route'
import { createUser, publishedArticle, scheduledDraft } from './factories'

const payload = await getPayload({ config, cron: true })

type Command =
  | { id: number; op: 'comment'; address: string; fields: Record<string, unknown> }
  | { id: number; op: 'schedule'; count: number; inSeconds: number; stranded?: boolean }
  | { id: number; op: 'articles'; ids: number[]; jobIds: number[] }
  | { id: number; op: 'leader' }
  | { id: number; op: 'publish' }
  | { id: number; op: 'comments'; articleId: number }

const say = (message: Record<string, unknown>) =>
  process.stdout.write(`@@ ${JSON.stringify(message)}\n`)

/**
 * `count` draft articles, each with a publish scheduled by an editor, due
 * `inSeconds` from now. `stranded`: each job as a runner killed while running
 * it leaves it, marked processing and untouched since STALE_JOB_SECONDS ago.
 */
async function schedule(count: number, inSeconds: number, stranded = false) {
  const user = await createUser(payload, 'editor')
  const waitUntil = new Date(Date.now() + inSeconds * 1000)
  const scheduled: { articleId: number; jobId: number }[] = []
  for (let index = 0; index < count; index += 1) {
    const { draft, job } = await scheduledDraft(payload, user, waitUntil)
    scheduled.push({ articleId: draft.id, jobId: job.id as number })
    if (stranded) {
      await payload.db.drizzle.execute(sql`
        update payload_jobs set processing = true,
               updated_at = now() - make_interval(secs => ${STALE_JOB_SECONDS + 1})
         where id = ${job.id}`)
    }
  }
  return { scheduled }
}

/** Each article's status and published versions, and the jobs still queued (a completed one is deleted). */
async function articles(ids: number[], jobIds: number[]) {
  const found = await payload.find({
    collection: 'articles',
    where: { id: { in: ids } },
    select: { _status: true },
    pagination: false,
  })
  const status = Object.fromEntries(found.docs.map((doc) => [doc.id, doc._status]))
  const result = []
  for (const id of ids) {
    const versions = await payload.countVersions({
      collection: 'articles',
      where: { parent: { equals: id }, 'version._status': { equals: 'published' } },
    })
    result.push({ id, status: status[id], publishedVersions: versions.totalDocs })
  }
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { id: { in: jobIds } },
    pagination: false,
  })
  return {
    articles: result,
    jobsLeft: jobs.docs.map((job) => ({ id: job.id, hasError: job.hasError })),
  }
}

async function comment(address: string, fields: Record<string, unknown>) {
  const response = await POST(
    new Request('http://localhost/next/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify(fields),
    }),
  )
  return { status: response.status, body: (await response.json()) as unknown }
}

async function handle(command: Command): Promise<Record<string, unknown>> {
  switch (command.op) {
    case 'comment':
      return comment(command.address, command.fields)
    case 'schedule':
      return schedule(command.count, command.inSeconds, command.stranded)
    case 'articles':
      return articles(command.ids, command.jobIds)
    case 'leader':
      return { leader: await currentJobsLeader(payload) }
    case 'publish':
      return { articleId: (await publishedArticle(payload)).id }
    case 'comments': {
      const where = { article: { equals: command.articleId } }
      return { count: (await payload.count({ collection: 'comments', where })).totalDocs }
    }
  }
}

// Commands run concurrently, as requests do in a server.
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command
  handle(command).then(
    (result) => say({ id: command.id, ...result }),
    (error: unknown) => say({ id: command.id, error: String(error) }),
  )
})
say({ ready: process.pid })
