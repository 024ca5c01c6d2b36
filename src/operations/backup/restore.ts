import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { codeMigrations, missingMigrations } from '@/operations/schemaStatus'

import { sha256Of } from './backup'
import { DUMP_FILE, type Manifest, MANIFEST_FILE, manifestProblem, MEDIA_FOLDER } from './manifest'
import { fileCount } from './media'
import {
  databaseName,
  databaseUrl as onDatabase,
  libpqEnv,
  postgresTool,
  runTool,
  withClient,
} from './postgresTools'

/** A restore that was refused before the database or the media folder were touched. */
export class RestoreRefused extends Error {}

const refuse = (file: string, why: string): never => {
  throw new RestoreRefused(`Refusing to restore ${file}: ${why}. Nothing was changed.`)
}

/** Tables outside PostgreSQL's own schemas; null when the database does not exist. */
async function userTables(url: string): Promise<number | null> {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
      )
      return Number(rows[0]!.n)
    })
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return null
    throw error
  }
}

/** Migrations in `names` that this code does not ship: the backup is from a newer version. */
function unknownMigrations(names: string[]): string[] {
  const known = new Set(codeMigrations())
  return names.filter((name) => !known.has(name))
}

async function checkedArchive(file: string, staging: string): Promise<Manifest> {
  try {
    await runTool('tar', ['-xf', file, '-C', staging], process.env)
  } catch (error) {
    refuse(file, `it is truncated or damaged (${(error as Error).message})`)
  }
  const manifestPath = path.join(staging, MANIFEST_FILE)
  if (!existsSync(manifestPath))
    refuse(file, 'it has no manifest.json; it is not a Broadsheet backup')
  let manifest: Manifest
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
  } catch {
    return refuse(file, 'its manifest.json is not valid JSON (truncated or damaged)')
  }
  const problem = manifestProblem(manifest)
  if (problem) refuse(file, problem)
  const newer = unknownMigrations(manifest.migrations)
  if (newer.length) {
    refuse(
      file,
      `it is from a newer version of Broadsheet: its database has ${newer.length} migration(s) this code does not know (${newer.join(', ')}); restore it with that version`,
    )
  }
  const dump = path.join(staging, DUMP_FILE)
  const bytes = existsSync(dump) ? statSync(dump).size : 0
  if (bytes !== manifest.dump.bytes || (await sha256Of(dump)) !== manifest.dump.sha256) {
    refuse(
      file,
      `its database dump is truncated or damaged (${bytes} bytes, the manifest says ${manifest.dump.bytes} with another checksum)`,
    )
  }
  if (manifest.media.kind === 'files') {
    const files = fileCount(path.join(staging, MEDIA_FOLDER))
    if (files !== manifest.media.files) {
      refuse(file, `it holds ${files} media files, the manifest says ${manifest.media.files}`)
    }
  }
  return manifest
}

/**
 * `npm run db:restore <file>`: a backup into an empty database (and an empty media folder).
 * Everything is checked before anything is touched — the archive (tar), the manifest, the
 * dump's size and checksum, the schema (a backup holding migrations this code does not know
 * is refused) — then the dump is restored into a fresh temporary database, checked again,
 * and only then renamed to the target. A failure at any point leaves the target as it was.
 */
export async function restoreBackup({
  file,
  databaseUrl,
  mediaDir,
}: {
  file: string
  databaseUrl: string
  mediaDir: string
}): Promise<{ manifest: Manifest; pendingMigrations: string[] }> {
  if (!existsSync(file)) refuse(file, 'there is no such file')
  const target = databaseName(databaseUrl)
  const admin = onDatabase(databaseUrl, 'postgres')
  const tables = await userTables(databaseUrl)
  if (tables) {
    refuse(
      file,
      `the database "${target}" is not empty (${tables} tables); restore into a new database (set DATABASE_URL to one that does not exist yet, or drop this one)`,
    )
  }
  if (fileCount(mediaDir) > 0) {
    refuse(file, `the media folder ${mediaDir} is not empty; point MEDIA_DIR at an empty folder`)
  }
  const staging = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-restore-'))
  try {
    const manifest = await checkedArchive(file, staging)
    const pgRestore = postgresTool('pg_restore', manifest.pgDumpMajor)
    const temporary = `${target}_restoring_${Date.now().toString(36)}`
    await withClient(admin, (client) => client.query(`create database "${temporary}"`))
    // Whatever goes wrong before the rename (a dump without payload_migrations, a refused
    // schema, the rename itself), the temporary database goes with it.
    let renamed = false
    let restored: string[]
    try {
      try {
        await runTool(
          pgRestore.path,
          [
            '--exit-on-error',
            '--single-transaction',
            '--no-owner',
            '--no-privileges',
            `--dbname=${temporary}`,
            path.join(staging, DUMP_FILE),
          ],
          libpqEnv(onDatabase(databaseUrl, temporary)),
        )
      } catch (error) {
        refuse(file, `its database dump could not be restored (${(error as Error).message})`)
      }
      restored = await withClient(onDatabase(databaseUrl, temporary), async (client) => {
        const { rows } = await client
          .query<{ name: string }>('select name from payload_migrations')
          .catch(() => refuse(file, 'its database has no payload_migrations table'))
        return rows.map((row) => row.name)
      })
      const newer = unknownMigrations(restored)
      if (newer.length) {
        refuse(file, `its database holds migrations this code does not know (${newer.join(', ')})`)
      }
      // Asked again just before the swap: something may have migrated or written into the
      // target while the dump was restored, and that is never dropped.
      const tablesNow = await userTables(databaseUrl)
      if (tablesNow) {
        refuse(
          file,
          `the database "${target}" gained ${tablesNow} tables while the backup was restored; nothing was changed`,
        )
      }
      await withClient(admin, async (client) => {
        if (tablesNow === 0) await client.query(`drop database "${target}" with (force)`)
        await client.query(`alter database "${temporary}" rename to "${target}"`)
      })
      renamed = true
    } finally {
      if (!renamed) {
        await withClient(admin, (client) =>
          client.query(`drop database if exists "${temporary}" with (force)`),
        )
      }
    }
    const media = path.join(staging, MEDIA_FOLDER)
    if (existsSync(media)) cpSync(media, mediaDir, { recursive: true })
    return { manifest, pendingMigrations: missingMigrations(restored) }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}
