import http from 'node:http'

export interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export interface RawRequestOptions {
  method?: string
  headers?: Record<string, string>
  /** The loopback address to send from (a client that is not the trusted proxy). */
  from?: string
  body?: string
}

/**
 * One request to 127.0.0.1:port with exactly these headers, on a connection of its own: Varnish
 * closes idle ones after 5 s, and reusing one just as it does (or one a replica held as it died)
 * is a "socket hang up", not an answer.
 */
export function rawRequest(
  port: number,
  target: string,
  { method = 'GET', headers = {}, from, body }: RawRequestOptions = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: target, method, headers, localAddress: from, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}
