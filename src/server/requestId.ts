import { randomUUID } from 'node:crypto'
import type http from 'node:http'

import { isTrustedPeer, type TrustedProxies } from './clientAddress'

/** What a proxy's request id may look like: a UUID, a Varnish XID, a trace id. */
const PROXY_ID = /^[\w.:@/+=-]{1,128}$/

/**
 * The request's id: the X-Request-Id a trusted proxy sent (so the proxy's log and ours name
 * the same request), else a new UUID. A client's own X-Request-Id is never believed: it could
 * otherwise pin its requests to someone else's id in the logs.
 */
export function requestIdFor(request: http.IncomingMessage, trusted: TrustedProxies): string {
  const sent = request.headers['x-request-id']
  if (
    typeof sent === 'string' &&
    PROXY_ID.test(sent) &&
    isTrustedPeer(request.socket.remoteAddress, trusted)
  ) {
    return sent
  }
  return randomUUID()
}
