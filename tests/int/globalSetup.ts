import { rmSync } from 'node:fs'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { migrateAndSeed } from '../support/run'
import { createTestDatabase } from '../support/testDatabase'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    mediaDir: string
  }
}

/** One fresh database for the run: migrated by migrations/, seeded with the demo content. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('broadsheet_int')
  const mediaDir = path.join('.data', `test-media-${Date.now().toString(36)}`)
  try {
    await migrateAndSeed({
      ...process.env,
      DATABASE_URL: database.url,
      MEDIA_DIR: mediaDir,
      PAYLOAD_SECRET: 'integration-test-secret-0123456789',
      // A site has its admin before anyone else joins (the first account is always an admin).
      SEED_ADMIN_EMAIL: 'admin@broadsheet.test',
      SEED_ADMIN_PASSWORD: 'integration-admin-password',
    })
  } catch (error) {
    // A run that could not start leaves no database behind.
    await database.drop()
    rmSync(mediaDir, { recursive: true, force: true })
    throw error
  }
  project.provide('databaseUrl', database.url)
  project.provide('mediaDir', mediaDir)
  return async () => {
    await database.drop()
    rmSync(mediaDir, { recursive: true, force: true })
  }
}
