import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createComment, createUser, publishedArticle } from '../support/factories'
import { testPayload } from '../support/payload'
import { createTestDatabase, type TestDatabase } from '../support/testDatabase'

/**
 * `npm run db:backup` then `npm run db:restore` into an empty database, as an operator runs
 * them (the scripts, real pg_dump/pg_restore, real PostgreSQL). The run's database is shared
 * with other test files writing to it, so the exact comparison is between two restores: the
 * first restore (of the live database) is backed up again and restored again; both must agree
 * row for row, and the first must hold what was written before the backup.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-backup-test-'))
const databases: TestDatabase[] = []

function script(name: 'dbBackup' | 'dbRestore', env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', `src/scripts/${name}.ts`, ...args],
    { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 },
  )
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

function backup(databaseUrl: string, mediaDir: string, backupDir: string): string {
  const { code, output } = script('dbBackup', {
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: mediaDir,
    BACKUP_DIR: backupDir,
  })
  expect(code, output).toBe(0)
  const file = /Backup written: (\S+\.tar)/.exec(output)?.[1]
  expect(file, output).toBeDefined()
  expect(path.basename(file!)).toMatch(/^broadsheet-\d{8}T\d{6}Z\.tar$/)
  return file!
}

function restore(file: string, databaseUrl: string, mediaDir: string) {
  return script('dbRestore', { DATABASE_URL: databaseUrl, MEDIA_DIR: mediaDir }, [file])
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** Every table's row count and a hash over its rows, in a stable order. */
async function contents(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  )
  const result: Record<string, string> = {}
  for (const { name } of tables) {
    const [row] = await query<{ n: string; hash: string }>(
      url,
      `select count(*) as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash from "${name}" t`,
    )
    result[name] = `${row!.n} rows ${row!.hash}`
  }
  return result
}

function mediaFiles(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else
        files[path.relative(folder, full)] = createHash('sha256')
          .update(readFileSync(full))
          .digest('hex')
    }
  }
  walk(folder)
  return files
}

async function emptyDatabase(prefix: string): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix)
  databases.push(database)
  return database
}

async function tableCount(url: string): Promise<number> {
  const [row] = await query<{ n: string }>(
    url,
    `select count(*) as n from pg_tables where schemaname = 'public'`,
  )
  return Number(row!.n)
}

async function leftoverRestores(): Promise<string[]> {
  const rows = await query<{ datname: string }>(
    process.env.DATABASE_URL!,
    `select datname from pg_database where datname like '%_restoring_%'`,
  )
  return rows.map((row) => row.datname)
}

let first: TestDatabase
let second: TestDatabase
let firstBackup: string
let secondBackup: string
const firstMedia = path.join(work, 'media-first')
const secondMedia = path.join(work, 'media-second')
let written: { comment: string; user: string }

beforeAll(async () => {
  const payload = await testPayload()
  const article = await publishedArticle(payload)
  const comment = await createComment(payload, article.id)
  const user = await createUser(payload, 'author')
  written = { comment: comment.body, user: user.email }

  firstBackup = backup(process.env.DATABASE_URL!, process.env.MEDIA_DIR!, path.join(work, 'a'))
  first = await emptyDatabase('broadsheet_restore_first')
  const restored = restore(firstBackup, first.url, firstMedia)
  expect(restored.code, restored.output).toBe(0)

  secondBackup = backup(first.url, firstMedia, path.join(work, 'b'))
  second = await emptyDatabase('broadsheet_restore_second')
  const again = restore(secondBackup, second.url, secondMedia)
  expect(again.code, again.output).toBe(0)
}, 240_000)

afterAll(async () => {
  for (const database of databases) await database.drop()
  rmSync(work, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('restores articles, comments, users and media references exactly, and the media files', async () => {
    const [a, b] = await Promise.all([contents(first.url), contents(second.url)])
    expect(b).toEqual(a)
    for (const table of ['articles', 'comments', 'users', 'media']) {
      expect(Number(a[table]!.split(' ')[0]), table).toBeGreaterThan(0)
    }
    // What was written before the backup is there.
    const comments = await query(first.url, 'select 1 from comments where body = $1', [
      written.comment,
    ])
    expect(comments).toHaveLength(1)
    const users = await query(first.url, 'select 1 from users where email = $1', [written.user])
    expect(users).toHaveLength(1)

    const files = mediaFiles(firstMedia)
    expect(mediaFiles(secondMedia)).toEqual(files)
    // Every image (and each of its sizes) the database refers to is a file that came back.
    const columns = await query<{ name: string }>(
      first.url,
      `select column_name as name from information_schema.columns
       where table_schema = 'public' and table_name = 'media' and column_name like '%filename'`,
    )
    const referenced = await query<{ filename: string }>(
      first.url,
      columns
        .map(({ name }) => `select "${name}" as filename from media where "${name}" is not null`)
        .join(' union '),
    )
    expect(referenced.length).toBeGreaterThan(0)
    for (const { filename } of referenced) expect(Object.keys(files)).toContain(filename)
    // And they are the live folder's files, byte for byte.
    const live = mediaFiles(process.env.MEDIA_DIR!)
    for (const [name, hash] of Object.entries(files)) expect(live[name], name).toBe(hash)
  })

  it('refuses a truncated file, naming the reason, and leaves the database untouched', async () => {
    const damaged = path.join(work, 'truncated.tar')
    const { copyFileSync } = await import('node:fs')
    copyFileSync(secondBackup, damaged)
    truncateSync(damaged, Math.floor(statSync(damaged).size / 2))
    const target = await emptyDatabase('broadsheet_restore_truncated')
    const media = path.join(work, 'media-truncated')

    const { code, output } = restore(damaged, target.url, media)

    expect(code).toBe(1)
    expect(output).toMatch(/Refusing to restore .*truncated or damaged.*Nothing was changed\./)
    expect(await tableCount(target.url)).toBe(0)
    expect(await leftoverRestores()).toEqual([])
    expect(() => readdirSync(media)).toThrow()
  })

  it('refuses a backup from a newer schema, naming the migration it does not know', async () => {
    const future = '20991231_000000_from_the_future'
    await query(second.url, `insert into payload_migrations (name, batch) values ($1, 99)`, [
      future,
    ])
    const newer = backup(second.url, secondMedia, path.join(work, 'c'))
    const target = await emptyDatabase('broadsheet_restore_newer')

    const { code, output } = restore(newer, target.url, path.join(work, 'media-newer'))

    expect(code).toBe(1)
    expect(output).toContain('newer version of Broadsheet')
    expect(output).toContain(future)
    expect(await tableCount(target.url)).toBe(0)
    expect(await leftoverRestores()).toEqual([])
  })

  it('refuses to restore over a database that holds data', async () => {
    const before = await contents(first.url)

    const { code, output } = restore(secondBackup, first.url, path.join(work, 'media-over'))

    expect(code).toBe(1)
    expect(output).toMatch(/is not empty \(\d+ tables\)/)
    expect(await contents(first.url)).toEqual(before)
  })
})
