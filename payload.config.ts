import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { Articles } from '@/collections/Articles'
import { Authors } from '@/collections/Authors'
import { Comments } from '@/collections/Comments'
import { ComparisonTables } from '@/collections/ComparisonTables'
import { Faqs } from '@/collections/Faqs'
import { ImportRuns } from '@/collections/ImportRuns'
import { LoginThrottles } from '@/collections/LoginThrottles'
import { Media } from '@/collections/Media'
import { Desks } from '@/collections/Desks'
import { Tags } from '@/collections/Tags'
import { Users } from '@/collections/Users'
import { env } from '@/env'
import { CommentSettings } from '@/globals/CommentSettings'
import { EditorialSettings } from '@/globals/EditorialSettings'
import { FrontPage } from '@/globals/FrontPage'
import { survivePoolErrors } from '@/lib/databaseResilience'
import { jobs } from '@/jobs/config'
import { replicaAwarePg, routeReads } from '@/lib/readReplicas'
import { emailAdapter } from '@/lib/email'
import { answerOutagesWith503 } from '@/lib/restUnavailable'
import { siteOrigins } from '@/lib/origins'
import { keepValidationDetails } from '@/lib/validationDetails'
import { startMostReadRefresh } from '@/mostRead/refresh'
import { logger } from '@/operations/logger'
import { queryGuards } from '@/plugins/queryGuards'
import { redirects } from '@/plugins/redirects'
import { safeRichText } from '@/plugins/safeRichText'
import { seo } from '@/plugins/seo'
import { uploadSharp } from '@/uploads/sharp'
import { mediaStorage } from '@/uploads/storage'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: env.PAYLOAD_SECRET,
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' — Broadsheet' },
    components: {
      beforeDashboard: [
        '@/components/admin/Review/ReviewQueue#ReviewQueue',
        '@/components/admin/Moderation/PendingCount#PendingCount',
      ],
      afterNavLinks: ['@/components/admin/MostRead/NavLink#MostReadNavLink'],
      views: {
        mostRead: {
          Component: '@/components/admin/MostRead/MostReadView#MostReadView',
          path: '/most-read',
        },
      },
    },
  },
  // Only pages of this site may use an editor's login cookie, or read the API with it.
  cors: siteOrigins,
  csrf: siteOrigins,
  collections: [
    Articles,
    Desks,
    Tags,
    Authors,
    Media,
    Faqs,
    ComparisonTables,
    Comments,
    Users,
    LoginThrottles,
    ImportRuns,
  ],
  globals: [FrontPage, EditorialSettings, CommentSettings],
  email: emailAdapter(),
  editor: lexicalEditor(),
  db: postgresAdapter({
    // A database that does not answer fails a query in 5 s (a 503), instead of holding the
    // reader until the operating system gives up on the connection.
    pool: {
      connectionString: env.DATABASE_URL,
      connectionTimeoutMillis: 5000,
      // Per process and per server: the primary's pool and each replica's open at most this many.
      max: env.DATABASE_POOL_MAX,
      application_name: 'broadsheet',
    },
    // Readers' reads go to these; writes, transactions and logged-in users' reads to the primary
    // (src/lib/readReplicas.ts).
    ...(env.DATABASE_READ_URLS.length > 0 && {
      readReplicas: env.DATABASE_READ_URLS,
      pg: replicaAwarePg(env.DATABASE_READ_URLS),
    }),
    // Schema changes ship as migrations; never push to a database that keeps data.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    // No prodMigrations: migrations are a deploy step of their own (`npm run migrate`), and the
    // server refuses to start on a database that lacks one (src/server/main.ts).
  }),
  // JSON lines in production, pretty in development; each line carries its request's id.
  logger: logger(),
  onInit: async (payload) => {
    survivePoolErrors(payload)
    routeReads(payload, env.DATABASE_READ_MAX_LAG_SECONDS)
    startMostReadRefresh(payload)
  },
  // safeRichText last: it guards the rich-text fields the other plugins add too.
  plugins: [mediaStorage(), seo, redirects, queryGuards, safeRichText],
  jobs,
  hooks: { afterError: [keepValidationDetails, answerOutagesWith503] },
  graphQL: { disable: true },
  sharp: uploadSharp,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  telemetry: false,
})
