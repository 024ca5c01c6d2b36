import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

/*
 * Login throttling, kept in PostgreSQL (collections/LoginThrottles) so every
 * app process shares it. Two kinds of row, each counting attempts in a
 * 15-minute window that starts at its first attempt:
 * - one account from one address: at most 5 attempts, so guessing one
 *   editor's password from one place is slow, while the editor logging in
 *   from anywhere else is untouched (there is no account-wide lock to abuse);
 * - one address, every account (email ''): at most 20, so one address cannot
 *   spray guesses across many accounts.
 * An attempt is counted before the password is checked, so concurrent
 * guesses cannot slip past the limit; a successful login forgets its own
 * row and gives its attempt back to the address. Every attempt first prunes
 * rows long expired, so the table stays bounded by a day's attempts however
 * few logins succeed.
 */
export const WINDOW_MINUTES = 15
export const ACCOUNT_ATTEMPTS = 5
export const ADDRESS_ATTEMPTS = 20
/** The row that counts every account's attempts from one address. */
export const EVERY_ACCOUNT = ''

type Returned = { blocked_until: Date | string | null }

function secondsUntil(rows: Returned[], now = Date.now()): number | null {
  const until = Math.max(
    ...rows.map((row) => (row.blocked_until ? new Date(row.blocked_until).getTime() : 0)),
  )
  return until > now ? Math.ceil((until - now) / 1000) : null
}

/**
 * Counts a login attempt for `email` from `address`. Returns the seconds the
 * caller must wait when it is over a limit (the attempt is then not to be
 * tried), null when the password may be checked.
 */
export async function countLoginAttempt(
  payload: Payload,
  email: string,
  address: string,
): Promise<number | null> {
  await pruneLoginThrottles(payload)
  const window = sql`make_interval(mins => ${WINDOW_MINUTES}::int)`
  // An address over its limit: refused before any per-account row is written,
  // so spraying emails from it does not grow the table.
  const addressBlocked = await payload.db.drizzle.execute(sql`
    UPDATE login_throttles SET failures = failures + 1, updated_at = now()
    WHERE email = ${EVERY_ACCOUNT} AND address = ${address} AND blocked_until > now()
    RETURNING blocked_until`)
  const refused = secondsUntil(addressBlocked.rows as Returned[])
  if (refused !== null) return refused

  const counted = await payload.db.drizzle.execute(sql`
    INSERT INTO login_throttles AS t (kind, email, address, failures, window_start, updated_at, created_at)
    VALUES ('account', ${email}, ${address}, 1, now(), now(), now()),
           ('address', ${EVERY_ACCOUNT}, ${address}, 1, now(), now(), now())
    ON CONFLICT (email, address) DO UPDATE SET
      failures = CASE WHEN t.window_start <= now() - ${window} THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start <= now() - ${window} THEN now() ELSE t.window_start END,
      blocked_until = CASE
        WHEN t.window_start > now() - ${window}
         AND t.failures + 1 > (CASE WHEN t.email = ${EVERY_ACCOUNT} THEN ${ADDRESS_ATTEMPTS}::int ELSE ${ACCOUNT_ATTEMPTS}::int END)
        THEN t.window_start + ${window}
        ELSE NULL END,
      updated_at = now()
    RETURNING blocked_until`)
  return secondsUntil(counted.rows as Returned[])
}

/** A successful login: its account's row is forgotten, and the address gets its attempt back. */
export async function forgetLoginAttempts(
  payload: Payload,
  email: string,
  address: string,
): Promise<void> {
  await payload.db.drizzle.execute(sql`
    WITH forgotten AS (
      DELETE FROM login_throttles WHERE email = ${email} AND address = ${address}
    )
    UPDATE login_throttles SET failures = greatest(failures - 1, 0), updated_at = now()
    WHERE email = ${EVERY_ACCOUNT} AND address = ${address}
      AND window_start > now() - make_interval(mins => ${WINDOW_MINUTES}::int)`)
}

/** Rows whose window ended a day ago say nothing any more. */
export async function pruneLoginThrottles(payload: Payload): Promise<void> {
  await payload.db.drizzle.execute(sql`
    DELETE FROM login_throttles
    WHERE window_start < now() - make_interval(mins => ${WINDOW_MINUTES}::int) - interval '1 day'
      AND (blocked_until IS NULL OR blocked_until < now())`)
}
