import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AppProcess, eventually, startAppProcess } from '../support/appProcess'
import { commentFields, reader } from '../support/comments'
import { migrateAndSeed } from '../support/run'
import { createTestDatabase, type TestDatabase } from '../support/testDatabase'

/*
 * Two app processes on one database of their own (so their jobs runners never
 * take another test file's jobs), each with Payload's jobs runner on, as two
 * replicas run it, and each answering comments through the endpoint's handler.
 */

type Scheduled = { scheduled: { articleId: number; jobId: number }[] }
type ArticlesState = {
  articles: { id: number; status: string; publishedVersions: number }[]
  jobsLeft: { id: number; hasError: boolean }[]
}
type CommentAnswer = { status: number; body: { id?: number; error?: { message: string } } }

let database: TestDatabase
let processes: AppProcess[] = []

beforeAll(async () => {
  database = await createTestDatabase('broadsheet_procs')
  await migrateAndSeed({
    ...process.env,
    DATABASE_URL: database.url,
    SEED_ADMIN_EMAIL: 'admin@broadsheet.test',
    SEED_ADMIN_PASSWORD: 'integration-admin-password',
  })
  const env = { DATABASE_URL: database.url, BROADSHEET_JOBS: 'on' }
  processes = await Promise.all([startAppProcess(env), startAppProcess(env)])
}, 300_000)

afterAll(async () => {
  await Promise.all(processes.map((app) => app.kill()))
  await database?.drop()
})

/** The process holding the jobs lock, as PostgreSQL names its connection. */
async function jobsLeader(asking: AppProcess): Promise<AppProcess> {
  const leader = await eventually(
    async () => (await asking.ask<{ leader: string | null }>({ op: 'leader' })).leader ?? undefined,
    30_000,
    'one process holds the scheduled-jobs lock',
  )
  const holder = processes.find((app) => leader.includes(`pid=${app.pid} `))
  if (!holder) throw new Error(`The jobs lock is held by ${leader}, not by a test process`)
  return holder
}

/** Waits until every scheduled publish has happened and its job is gone, then returns the state. */
function published(asking: AppProcess, { scheduled }: Scheduled): Promise<ArticlesState> {
  const command = {
    op: 'articles',
    ids: scheduled.map((entry) => entry.articleId),
    jobIds: scheduled.map((entry) => entry.jobId),
  }
  return eventually(
    async () => {
      const state = await asking.ask<ArticlesState>(command)
      const done = state.articles.every((article) => article.status === 'published')
      return done && state.jobsLeft.length === 0 ? state : undefined
    },
    30_000,
    'the scheduled articles are published and their jobs completed',
  )
}

function commentCount(app: AppProcess, articleId: number): Promise<number> {
  return app.ask<{ count: number }>({ op: 'comments', articleId }).then((answer) => answer.count)
}

describe('comments sent to two app processes at once', () => {
  it('stores one comment for one submission key, and answers both with it', async () => {
    const [a, b] = processes as [AppProcess, AppProcess]
    const { articleId } = await a.ask<{ articleId: number }>({ op: 'publish' })
    const who = reader()
    const fields = commentFields(articleId, who, { key: randomUUID() })
    const answers = await Promise.all(
      [a, b].map((app) => app.ask<CommentAnswer>({ op: 'comment', address: who.address, fields })),
    )
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201])
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1)
    expect(await commentCount(a, articleId)).toBe(1)
  })

  it('accepts one of several comments from one address within 15 seconds and answers the rest 429', async () => {
    const [a, b] = processes as [AppProcess, AppProcess]
    const { articleId } = await a.ask<{ articleId: number }>({ op: 'publish' })
    const { address } = reader()
    // Four each, all at once: each process's first one races the other's.
    const answers = await Promise.all(
      [a, b, a, b, a, b, a, b].map((app) => {
        const fields = commentFields(articleId, reader(), { key: randomUUID() })
        return app.ask<CommentAnswer>({ op: 'comment', address, fields })
      }),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([201, 429, 429, 429, 429, 429, 429, 429])
    const refused = answers.find((answer) => answer.status === 429)!
    expect(refused.body.error?.message).toMatch(/commenting too quickly/)
    expect(await commentCount(b, articleId)).toBe(1)
  })
})

describe('scheduled jobs with two app processes running the jobs runner', () => {
  it('publishes each scheduled article exactly once', async () => {
    const [a, b] = processes as [AppProcess, AppProcess]
    const leader = await jobsLeader(a)
    // Due together, a few seconds ahead, while both runners tick every second.
    const scheduled = await a.ask<Scheduled>({ op: 'schedule', count: 12, inSeconds: 3 })
    const state = await published(b, scheduled)
    expect(state.articles.map((article) => article.publishedVersions)).toEqual(Array(12).fill(1))
    expect(await jobsLeader(b)).toBe(leader)
  })

  it('still publishes when the process running the jobs is killed: the other takes over', async () => {
    const leader = await jobsLeader(processes[0]!)
    const survivor = processes.find((app) => app !== leader)!
    // A publish the leader had claimed when it died, and one scheduled after.
    const stranded = await survivor.ask<Scheduled>({
      op: 'schedule',
      count: 1,
      inSeconds: -60,
      stranded: true,
    })
    await leader.kill('SIGKILL')
    const after = await survivor.ask<Scheduled>({ op: 'schedule', count: 1, inSeconds: 0 })
    const state = await published(survivor, {
      scheduled: [...stranded.scheduled, ...after.scheduled],
    })
    expect(state.articles.map((article) => article.publishedVersions)).toEqual([1, 1])
    expect(await jobsLeader(survivor)).toBe(survivor)
  })
})
