import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

import {
  BACKUP_FORMAT,
  DUMP_FILE,
  type Manifest,
  MANIFEST_FILE,
  MEDIA_FOLDER,
  MEDIA_LISTING_FILE,
} from './manifest'
import { fileCount, listS3Media, mediaInS3 } from './media'
import { libpqEnv, postgresTool, runTool, serverMajor, withClient } from './postgresTools'

export function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

/** 2026-12-02T01:02:03.456Z → 20261202T010203Z */
function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

async function appliedMigrations(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      'select name from payload_migrations order by name',
    )
    return rows.map((row) => row.name)
  })
}

/**
 * `npm run db:backup`: the database (pg_dump, custom format) and the media, in one tar file
 * `broadsheet-<UTC time>.tar` under `backupDir`. Written under a temporary name and renamed
 * when complete, so a backup that failed half-way never looks like a backup.
 */
export async function createBackup({
  databaseUrl,
  mediaDir,
  backupDir,
  now = new Date(),
}: {
  databaseUrl: string
  mediaDir: string
  backupDir: string
  now?: Date
}): Promise<{ file: string; manifest: Manifest }> {
  const major = await serverMajor(databaseUrl)
  const pgDump = postgresTool('pg_dump', major)
  mkdirSync(backupDir, { recursive: true })
  const staging = mkdtempSync(path.join(backupDir, '.staging-'))
  const file = path.join(backupDir, `broadsheet-${stamp(now)}.tar`)
  const partial = `${file}.partial`
  try {
    const migrations = await appliedMigrations(databaseUrl)
    const dump = path.join(staging, DUMP_FILE)
    await runTool(
      pgDump.path,
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${dump}`],
      libpqEnv(databaseUrl),
    )
    const members = [MANIFEST_FILE, DUMP_FILE]
    let media: Manifest['media']
    if (mediaInS3()) {
      const objects = await listS3Media()
      writeFileSync(path.join(staging, MEDIA_LISTING_FILE), JSON.stringify(objects, null, 2))
      members.push(MEDIA_LISTING_FILE)
      media = { kind: 's3-listing', objects: objects.length }
    } else {
      media = { kind: 'files', files: fileCount(mediaDir) }
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: now.toISOString(),
      postgresMajor: major,
      pgDumpMajor: pgDump.major,
      migrations,
      dump: { bytes: statSync(dump).size, sha256: await sha256Of(dump) },
      media,
    }
    writeFileSync(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2))
    await runTool('tar', ['-cf', partial, '-C', staging, ...members], process.env)
    if (media.kind === 'files' && existsSync(mediaDir)) {
      await runTool(
        'tar',
        ['-rf', partial, '-C', mediaDir, `--transform=s,^\\.,${MEDIA_FOLDER},`, '.'],
        process.env,
      )
    }
    renameSync(partial, file)
    return { file, manifest }
  } finally {
    rmSync(staging, { recursive: true, force: true })
    rmSync(partial, { force: true })
  }
}
