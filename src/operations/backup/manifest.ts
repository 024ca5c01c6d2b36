/**
 * A backup is one tar file: manifest.json, database.dump (pg_dump's custom format) and the
 * media — the upload folder under media/, or media-listing.json when media live in S3.
 */
export const BACKUP_FORMAT = 'broadsheet-backup'
export const DUMP_FILE = 'database.dump'
export const MANIFEST_FILE = 'manifest.json'
export const MEDIA_FOLDER = 'media'
export const MEDIA_LISTING_FILE = 'media-listing.json'

export interface Manifest {
  format: typeof BACKUP_FORMAT
  version: 1
  createdAt: string
  /** The server's major version, and pg_dump's: pg_restore must be at least the latter. */
  postgresMajor: number
  pgDumpMajor: number
  /** payload_migrations at the time of the dump: what schema the backup holds. */
  migrations: string[]
  dump: { bytes: number; sha256: string }
  media: { kind: 'files'; files: number } | { kind: 's3-listing'; objects: number }
}

/** Why a manifest cannot be used, or null when it can. */
export function manifestProblem(value: unknown): string | null {
  const manifest = value as Partial<Manifest> | null
  if (!manifest || manifest.format !== BACKUP_FORMAT) return 'it is not a Broadsheet backup'
  if (manifest.version !== 1)
    return `its format version ${manifest.version} is not one this code reads`
  if (!Array.isArray(manifest.migrations) || !manifest.dump?.sha256)
    return 'its manifest is incomplete'
  return null
}
