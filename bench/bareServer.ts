/**
 * The baseline: a bare node:http server sending fixed bytes — the page's plain
 * body, or its gzipped body (exactly as the app sent it) to a client that
 * accepts gzip, each with the headers the proxy delivers it with (captured once
 * by bench/stage.ts). Run as its own process by bench/run.ts.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'

const [plainFile, gzipFile, headersFile, port] = [
  process.argv[2]!,
  process.argv[3]!,
  process.argv[4]!,
  Number(process.argv[5]),
]
const plain = readFileSync(plainFile)
const gzip = readFileSync(gzipFile)
const headers = JSON.parse(readFileSync(headersFile, 'utf8')) as Record<
  'plain' | 'gzip',
  [string, string][]
>
/** Node's flat [name, value, …] list, as writeHead takes it. */
const flat = (list: [string, string][], length: number) => [
  ...list.flat(),
  'Content-Length',
  String(length),
]
const plainHeaders = flat(headers.plain, plain.length)
const gzipHeaders = flat(headers.gzip, gzip.length)
http
  .createServer((request, response) => {
    const gzipped = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
    response.writeHead(200, gzipped ? gzipHeaders : plainHeaders)
    response.end(gzipped ? gzip : plain)
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'))
