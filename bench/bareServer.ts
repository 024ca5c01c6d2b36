/**
 * The baseline: a bare node:http server sending fixed bytes (the cached
 * article page) with the same headers. Run as its own process by bench/run.ts.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'

const [bodyFile, port] = [process.argv[2]!, Number(process.argv[3])]
const body = readFileSync(bodyFile)
http
  .createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
    })
    response.end(body)
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'))
