import { inject } from 'vitest'

// Before any test file imports the Payload config, point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl')
process.env.MEDIA_DIR = inject('mediaDir')
process.env.PAYLOAD_SECRET = 'integration-test-secret-0123456789'
// The jobs runner belongs to the server; tests run jobs themselves when they need to.
process.env.BROADSHEET_JOBS = 'off'
// Embeds resolve from the tests' own oEmbed server on 127.0.0.1.
process.env.EMBED_ALLOW_PRIVATE = 'true'
