/**
 * The baseline: a bare node:http server sending fixed bytes — the page's plain
 * body, or its gzipped body (exactly as the app sent it) to a client that
 * accepts gzip. Run as its own process by bench/run.ts.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'

const [plainFile, gzipFile, port] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4])]
const plain = readFileSync(plainFile)
const gzip = readFileSync(gzipFile)
http
  .createServer((request, response) => {
    const gzipped = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
    const body = gzipped ? gzip : plain
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      vary: 'Accept-Encoding',
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    })
    response.end(body)
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'))
