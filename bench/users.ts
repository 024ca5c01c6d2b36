/** Logins for the bench, through the REST API like any client. */
import { randomBytes } from 'node:crypto'

interface Login {
  email: string
  password: string
}

async function headersOf(app: string, user: Login): Promise<Record<string, string>> {
  const response = await fetch(`${app}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  })
  if (!response.ok) throw new Error(`${user.email} could not log in: ${response.status}`)
  return { Authorization: `JWT ${((await response.json()) as { token: string }).token}` }
}

/** A new user with `role`, created by `admin`; returns that user's REST headers. */
export async function login(
  app: string,
  admin: Login,
  role: 'editor' | 'author',
): Promise<Record<string, string>> {
  const user = { email: `bench-${role}@broadsheet.test`, password: randomBytes(12).toString('hex') }
  const created = await fetch(`${app}/api/users`, {
    method: 'POST',
    headers: { ...(await headersOf(app, admin)), 'content-type': 'application/json' },
    body: JSON.stringify({ ...user, name: `Benchmark ${role}`, role }),
  })
  if (!created.ok) throw new Error(`Creating the ${role} failed: ${await created.text()}`)
  return headersOf(app, user)
}
