import { z } from 'zod'

/**
 * Environment, checked once. The npm scripts fill DATABASE_URL (embedded
 * PostgreSQL) and PAYLOAD_SECRET (a per-install secret under .data/) when they
 * are unset, so only a bare `next start` can reach the errors below.
 */
const DEV_SECRET = 'broadsheet-development-secret-do-not-use-in-production'

const isBuild = process.env.NEXT_PHASE === 'phase-production-build'
const isProduction = process.env.NODE_ENV === 'production'

/** A comma-separated list, its items trimmed, empty ones dropped. */
const commaList = () =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )

/** A comma-separated list of http(s) URLs; `error` says what the list is for. */
const urlList = (error: string) => commaList().pipe(z.array(z.url({ protocol: /^https?$/, error })))

/** An optional setting where an empty value (`S3_BUCKET=` in a compose file) means unset. */
const optional = <T extends z.ZodType>(type: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), type.optional())

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'DATABASE_URL is not a postgres:// URL; unset it and use `npm start` to run on the embedded database',
    )
    .optional(),
  /**
   * Read replicas of DATABASE_URL (comma-separated postgres:// URLs, streaming
   * standbys): readers' reads go to them, writes and logged-in users' reads to
   * the primary. Empty: everything on DATABASE_URL.
   */
  DATABASE_READ_URLS: commaList().pipe(
    z.array(
      z
        .string()
        .regex(
          /^postgres(ql)?:\/\/[^\s]+$/,
          'DATABASE_READ_URLS lists postgres:// URLs of read replicas, comma-separated',
        ),
    ),
  ),
  /** Connections each pool (the primary's, and each replica's) opens at most, per app process. */
  DATABASE_POOL_MAX: z.coerce
    .number({ error: 'DATABASE_POOL_MAX is a whole number of connections, such as 10' })
    .int('DATABASE_POOL_MAX is a whole number of connections, such as 10')
    .min(1, 'DATABASE_POOL_MAX must be at least 1')
    .max(1000, 'DATABASE_POOL_MAX above 1000 is surely a typo')
    .default(10),
  /** A replica further behind the primary than this is skipped until it catches up. */
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce
    .number({ error: 'DATABASE_READ_MAX_LAG_SECONDS is a number of seconds, such as 5' })
    .min(0, 'DATABASE_READ_MAX_LAG_SECONDS cannot be negative')
    .max(3600, 'DATABASE_READ_MAX_LAG_SECONDS is at most 3600 (an hour)')
    .default(5),
  PAYLOAD_SECRET: z.string().min(16, 'PAYLOAD_SECRET must be at least 16 characters').optional(),
  NEXT_PUBLIC_SERVER_URL: z.url().default('http://localhost:3000'),
  /**
   * Other origins the site is also served at (comma-separated, e.g. a second
   * host name): logged-in requests and comments are honoured from these and
   * NEXT_PUBLIC_SERVER_URL's origin, from no other.
   */
  ALLOWED_ORIGINS: urlList(
    'ALLOWED_ORIGINS lists origins such as https://www.example.com, comma-separated',
  ),
  MEDIA_DIR: z.string().min(1).default('.data/media'),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Seconds a comment form must be open before it may be sent (a bot defense). */
  COMMENT_MIN_SECONDS: z.coerce.number().min(0).max(60).default(3),
  /** SMTP for editors' notices; unset, notices are written to the server log. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  EMAIL_FROM: z.email().default('newsroom@localhost'),
  /** How long the app trusts its in-memory answer to "is this path redirected?" (proxy.ts). */
  REDIRECT_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(1),
  /** How often the "Most read" rail is re-ranked (a changed ranking purges the home page). */
  MOST_READ_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  // Posts an archive import saves at once (src/import/archive.ts).
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  /**
   * The caching proxies in front of the app (comma-separated base URLs, e.g.
   * http://127.0.0.1:8080): each change purges its surrogate keys there.
   */
  PURGE_URLS: urlList('PURGE_URLS lists http(s) URLs, comma-separated'),
  /**
   * The Redis every replica shares Next's page and data cache through (src/lib/sharedCache.mjs,
   * which reads these two itself); unset, each process keeps its own cache as before.
   */
  REDIS_URL: z.preprocess(
    // Empty (as compose files leave it) is unset.
    (value) => (value === '' ? undefined : value),
    z
      .url({
        protocol: /^rediss?$/,
        error: 'REDIS_URL is not a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
      })
      .optional(),
  ),
  /** Prefix of every key the app writes to Redis: one per site and database. */
  REDIS_KEY_PREFIX: z.string().min(1).default('broadsheet:'),
  /** Images go to this S3 bucket (src/uploads/storage.ts) instead of MEDIA_DIR when it is set. */
  S3_BUCKET: optional(z.string().min(1)),
  /** An S3-compatible server (MinIO, s3rver, R2…); unset, AWS's endpoint for S3_REGION. */
  S3_ENDPOINT: optional(
    z.url({
      protocol: /^https?$/,
      error: 'S3_ENDPOINT is an http(s) URL such as http://minio:9000',
    }),
  ),
  S3_REGION: optional(z.string().min(1)).transform((value) => value ?? 'us-east-1'),
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  /**
   * Embeds are resolved from loopback and private addresses too (tests, an intranet's own
   * video server); off, only public addresses are fetched.
   */
  EMBED_ALLOW_PRIVATE: optional(
    z.enum(['true', 'false'], { error: 'EMBED_ALLOW_PRIVATE is true or false' }),
  ).transform((value) => value === 'true'),
  S3_FORCE_PATH_STYLE: optional(
    z.enum(['true', 'false'], { error: 'S3_FORCE_PATH_STYLE is true or false' }),
  ),
  /** Where readers fetch images straight from the bucket (or a CDN in front of it), e.g. https://cdn.example.com/media. */
  S3_PUBLIC_URL: optional(
    z.url({
      protocol: /^https?$/,
      error: 'S3_PUBLIC_URL is an http(s) URL such as https://media.example.com',
    }),
  ),
})

const parsed = schema.safeParse(process.env)
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`)
}
const raw = parsed.data

function resolveSecret(): string {
  if (raw.PAYLOAD_SECRET) return raw.PAYLOAD_SECRET
  if (isProduction && !isBuild) {
    throw new Error(
      'PAYLOAD_SECRET is not set. Production refuses the development fallback: set PAYLOAD_SECRET to a long random string (npm start does this for you).',
    )
  }
  return DEV_SECRET
}

function resolveDatabaseUrl(): string {
  if (raw.DATABASE_URL) return raw.DATABASE_URL
  if (isBuild) return 'postgres://build-time-placeholder@127.0.0.1:1/none'
  throw new Error(
    'DATABASE_URL is not set. Start the app with `npm start` (it runs an embedded PostgreSQL) or set DATABASE_URL=postgres://…',
  )
}

/** The bucket images are kept in, or null for MEDIA_DIR on this machine's disk. */
function resolveS3() {
  if (!raw.S3_BUCKET) return null
  if (Boolean(raw.S3_ACCESS_KEY_ID) !== Boolean(raw.S3_SECRET_ACCESS_KEY)) {
    throw new Error(
      'Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS SDK then finds credentials itself, e.g. an instance role).',
    )
  }
  return {
    bucket: raw.S3_BUCKET,
    endpoint: raw.S3_ENDPOINT,
    region: raw.S3_REGION,
    credentials:
      raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: raw.S3_ACCESS_KEY_ID, secretAccessKey: raw.S3_SECRET_ACCESS_KEY }
        : undefined,
    // S3-compatible servers rarely have a DNS name per bucket: path style unless told otherwise.
    forcePathStyle: raw.S3_FORCE_PATH_STYLE
      ? raw.S3_FORCE_PATH_STYLE === 'true'
      : Boolean(raw.S3_ENDPOINT),
    publicUrl: raw.S3_PUBLIC_URL?.replace(/\/+$/, ''),
  }
}

export const env = {
  ...raw,
  S3: resolveS3(),
  DATABASE_URL: resolveDatabaseUrl(),
  // A build reads no replica: its placeholder primary has none.
  DATABASE_READ_URLS: isBuild ? [] : raw.DATABASE_READ_URLS,
  PAYLOAD_SECRET: resolveSecret(),
}
