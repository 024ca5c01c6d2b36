import net from 'node:net'

/**
 * A TCP proxy in front of PostgreSQL, so a test can count the bytes the app
 * exchanges with the database and cut the database off (and bring it back)
 * without touching the real server other tests use.
 */
export interface TcpProxy {
  port: number
  /** Bytes sent to the database so far. */
  bytesToDatabase: () => number
  cut: () => Promise<void>
  restore: () => Promise<void>
  close: () => Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let bytes = 0
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(target)
    sockets.add(client).add(upstream)
    client.on('data', (chunk) => (bytes += chunk.length))
    client.pipe(upstream).pipe(client)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
  })
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
    )
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
      sockets.clear()
    })
  const port = await listen(0)
  return {
    port,
    bytesToDatabase: () => bytes,
    cut: stop,
    restore: async () => {
      await listen(port)
    },
    close: stop,
  }
}
