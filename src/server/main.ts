/**
 * The app's HTTP server: Next's request handler behind one rule — the
 * reader's address is the socket's, unless the socket is a trusted proxy
 * (TRUSTED_PROXIES). It is written into X-Forwarded-For, replacing whatever
 * the client sent, before Next, the middleware, route handlers or Payload
 * see the request. Each request gets an id (X-Request-Id, ./requestId.ts) that
 * every log line written while it is handled carries, and one access-log line.
 * It refuses to start on a database that lacks a migration the code ships, and
 * shuts down gracefully on SIGTERM (./shutdown.ts).
 * `node --import tsx src/server/main.ts start|dev`, with HOST (127.0.0.1) and
 * PORT (3000); `npm start` and `npm run dev` run it.
 */
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import next from 'next'

import { servedOverHttps as https } from '@/lib/origins'
import { ownOrigin } from '@/lib/ownOrigin'
import { logger } from '@/operations/logger'
import { requestContext } from '@/operations/processState'
import { schemaStatusAt } from '@/operations/schemaStatus'

import { clientAddressFrom, parseTrustedProxies } from './clientAddress'
import { boundSlowBodies, SERVER_OPTIONS } from './limits'
import { notFoundDocument } from './notFoundDocument'
import { requestIdFor } from './requestId'
import { applySecurityHeaders } from './securityHeaders'
import { installShutdown, trackConnections } from './shutdown'

const dev = process.argv[2] === 'dev'
const hostname = process.env.HOST || '127.0.0.1'
const port = Number(process.env.PORT || 3000)
const dir = process.cwd()
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES)
const log = logger()

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value < 0 || value > 3600) {
    throw new Error(
      `${name} must be a number of seconds from 0 to 3600, not "${process.env[name]}"`,
    )
  }
  return value
}
const timeoutMs = seconds('SHUTDOWN_TIMEOUT_SECONDS', 25) * 1000
const drainMs = seconds('SHUTDOWN_DRAIN_SECONDS', 0) * 1000

// Migrations are a deploy step of their own (`npm run migrate`); code newer than its schema
// would fail on the first query that needs the new columns, so it does not serve at all.
// A database that does not answer is not a reason to stay down: cached pages still serve.
if (process.env.DATABASE_URL) {
  const schema = await schemaStatusAt(process.env.DATABASE_URL)
  if (schema.state === 'behind') {
    log.fatal(
      { pendingMigrations: schema.pending },
      `Refusing to serve: the database lacks ${schema.pending.length} migration(s) this code needs (${schema.pending.join(', ')}). Run \`npm run migrate\` against it first.`,
    )
    process.exit(1)
  }
  if (schema.state === 'unreachable') {
    log.warn(
      `Could not check the database's migrations at start (${schema.error}); serving anyway.`,
    )
  }
}

// Next's standalone output (the Docker image) has no next.config.mjs: its
// config was frozen at build time, as Next's own standalone server.js reads it.
const frozenConfig = path.join(dir, '.next', 'required-server-files.json')
if (!existsSync(path.join(dir, 'next.config.mjs')) && existsSync(frozenConfig)) {
  const { config } = JSON.parse(readFileSync(frozenConfig, 'utf8')) as { config: object }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify({ ...config, distDir: './.next' })
}

// Bounds on slow or oversized requests (headers, bodies, idle connections): ./limits.ts.
const server = http.createServer(SERVER_OPTIONS)
const watchBody = boundSlowBodies()
const tracked = trackConnections(server)
const app = next({ dev, dir, hostname, port, httpServer: server })
await app.prepare()
const handle = app.getRequestHandler()
const context = requestContext()
const designedNotFound = notFoundDocument(ownOrigin(hostname, port))

server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
  watchBody(request, response)
  const started = performance.now()
  // The path without its query string: queries carry search words and tokens, not for a log.
  const path = (request.url ?? '').split('?', 1)[0]
  const requestId = requestIdFor(request, trusted)
  request.headers['x-request-id'] = requestId
  response.setHeader('x-request-id', requestId)
  request.headers['x-forwarded-for'] = clientAddressFrom(
    request.socket.remoteAddress,
    request.headers['x-forwarded-for'],
    trusted,
  )
  applySecurityHeaders(request, response, { dev, https, notFoundDocument: designedNotFound })
  response.once('close', () => {
    log.info(
      {
        requestId,
        method: request.method,
        path,
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      'request',
    )
  })
  context.run({ requestId }, () => void handle(request, response))
})

server.listen(port, hostname, () => {
  const proxies = trusted.entries.length ? trusted.entries.join(', ') : 'none'
  log.info(`Listening on http://${hostname}:${port} (trusted proxies: ${proxies})`)
})

installShutdown(server, tracked, { timeoutMs, drainMs, log })
