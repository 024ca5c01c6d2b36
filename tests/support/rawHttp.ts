import net from 'node:net'

export interface RawExchange {
  /** The answer's status (0 when the connection closed without one). */
  status: number
  /** Everything the server sent. */
  text: string
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number
}

export interface RawClient {
  socket: net.Socket
  /** Resolves when the server closes the connection (or `giveUpMs` passes: it is then destroyed). */
  done: Promise<RawExchange>
  /** Whether the server has closed it yet. */
  closed: () => boolean
}

/**
 * A client on a bare socket, for what an HTTP library would not send: oversized headers, a
 * request trickled a byte at a time. `send` writes to the socket once it is connected.
 */
export function rawClient(
  port: number,
  send: (socket: net.Socket) => void,
  giveUpMs = 60_000,
): RawClient {
  const socket = net.connect({ host: '127.0.0.1', port })
  const started = Date.now()
  let text = ''
  let closed = false
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => (text += chunk))
  // A reset after the answer is still a closed connection with that answer.
  socket.on('error', () => undefined)
  socket.once('connect', () => send(socket))
  const done = new Promise<RawExchange>((resolve) => {
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs)
    socket.once('close', () => {
      closed = true
      clearTimeout(giveUp)
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, text, closedAfterMs: Date.now() - started })
    })
  })
  return { socket, done, closed: () => closed }
}

/** Writes `text` one piece of `size` bytes every `everyMs` until it is all sent or the socket closes. */
export function trickle(socket: net.Socket, text: string, everyMs: number, size = 1): void {
  let sent = 0
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= text.length) return clearInterval(timer)
    socket.write(text.slice(sent, sent + size))
    sent += size
  }, everyMs)
  socket.once('close', () => clearInterval(timer))
}
