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
  /** Drops every connection and refuses new ones: the server stopped. */
  cut: () => Promise<void>
  /** Drops every connection and takes new ones without a word: a server that hangs. */
  stall: () => Promise<void>
  restore: () => Promise<void>
  close: () => Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let bytes = 0
  let stalled = false
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    sockets.add(client)
    client.on('error', () => client.destroy()).on('close', () => sockets.delete(client))
    if (stalled) return
    const upstream = net.connect(target)
    sockets.add(upstream)
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
  const dropAll = () => {
    for (const socket of sockets) socket.destroy()
    sockets.clear()
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      dropAll()
    })
  const port = await listen(0)
  return {
    port,
    bytesToDatabase: () => bytes,
    cut: stop,
    stall: async () => {
      stalled = true
      dropAll()
    },
    restore: async () => {
      stalled = false
      dropAll()
      if (!server.listening) await listen(port)
    },
    close: stop,
  }
}

/** A TCP proxy in front of the database `databaseUrl` names, and the URL that goes through it. */
export async function proxiedDatabase(
  databaseUrl: string,
): Promise<{ proxy: TcpProxy; url: string }> {
  const url = new URL(databaseUrl)
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) })
  url.hostname = '127.0.0.1'
  url.port = String(proxy.port)
  return { proxy, url: url.toString() }
}
