import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import { USER_PASSWORD } from './factories'

const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}

/**
 * Payload's REST API, handled in this process as the route in app/(payload)/api
 * would: `path` after /api/, an optional JSON body, an optional JWT and other
 * headers (e.g. the X-Forwarded-For the app's server writes).
 */
export function rest(
  method: keyof typeof handlers,
  path: string,
  body?: unknown,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const url = new URL(`http://localhost/api/${path}`)
  const headers: Record<string, string> = { ...extraHeaders }
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

/** A REST token for the user with `email`, from logging in (factory users have USER_PASSWORD). */
export async function logIn(email: string, password = USER_PASSWORD): Promise<string> {
  const response = await rest('POST', 'users/login', { email, password })
  if (!response.ok) throw new Error(`Could not log in as ${email}: ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/**
 * A multipart upload to Payload's REST API, as the admin's upload form sends it:
 * the file in `file`, the other fields as JSON in `_payload`.
 */
export function upload(
  path: string,
  file: { data: Buffer; name: string; type: string },
  fields: Record<string, unknown>,
  token: string,
): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(fields))
  const url = new URL(`http://localhost/api/${path}`)
  const request = new Request(url, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  return handlers.POST(request, { params: Promise.resolve({ slug }) })
}
