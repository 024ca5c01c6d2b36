/**
 * The app's HTTP server: Next's request handler behind one rule — the
 * reader's address is the socket's, unless the socket is a trusted proxy
 * (TRUSTED_PROXIES). It is written into X-Forwarded-For, replacing whatever
 * the client sent, before Next, the middleware, route handlers or Payload
 * see the request. `node --import tsx src/server/main.ts start|dev`, with
 * HOST (127.0.0.1) and PORT (3000); `npm start` and `npm run dev` run it.
 */
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import next from 'next'

import { servedOverHttps as https } from '@/lib/origins'

import { clientAddressFrom, parseTrustedProxies } from './clientAddress'
import { boundSlowBodies, SERVER_OPTIONS } from './limits'
import { applySecurityHeaders } from './securityHeaders'

const dev = process.argv[2] === 'dev'
const hostname = process.env.HOST || '127.0.0.1'
const port = Number(process.env.PORT || 3000)
const dir = process.cwd()
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES)

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
const app = next({ dev, dir, hostname, port, httpServer: server })
await app.prepare()
const handle = app.getRequestHandler()

server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
  watchBody(request, response)
  request.headers['x-forwarded-for'] = clientAddressFrom(
    request.socket.remoteAddress,
    request.headers['x-forwarded-for'],
    trusted,
  )
  applySecurityHeaders(request, response, { dev, https })
  void handle(request, response)
})

server.listen(port, hostname, () => {
  const proxies = trusted.entries.length ? trusted.entries.join(', ') : 'none'
  console.log(`Listening on http://${hostname}:${port} (trusted proxies: ${proxies})`)
})

// Finish what is in flight, then exit; upgraded sockets (the dev server's hot reload) are not
// the server's to close, so they get five seconds.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5000).unref()
  })
}
