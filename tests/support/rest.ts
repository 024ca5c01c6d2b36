import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}

/**
 * Payload's REST API, handled in this process as the route in app/(payload)/api
 * would: `path` after /api/, an optional JSON body and an optional JWT.
 */
export function rest(
  method: keyof typeof handlers,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Response> {
  const url = new URL(`http://localhost/api/${path}`)
  const headers: Record<string, string> = {}
  if (body) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `JWT ${token}`
  const request = new Request(url, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  return handlers[method](request, { params: Promise.resolve({ slug }) })
}
