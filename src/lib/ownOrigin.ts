/**
 * Where this server reaches itself: the address it listens on (HOST, as `npm start` passes it,
 * loopback when it listens on every address) and PORT. The outage gate's second look
 * (src/lib/outageGate.ts) and the designed 404 (src/server/notFoundDocument.ts) ask it.
 */
export function ownOrigin(
  host: string | undefined = process.env.HOST,
  port: string | number = process.env.PORT ?? '3000',
): string {
  const address = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`
}
