import crypto from 'node:crypto'

/*
 * Payload checks a password only when the account exists (its login
 * operation, payload/dist/auth/operations/login.js), so a wrong password took
 * ≈ 0.2 s for a real account and ≈ 0.01 s for an unknown one: a way to find
 * out who works here. For an unknown account the same PBKDF2 work is done on
 * a throwaway salt, with the parameters Payload hashes new passwords with
 * (generatePasswordSaltHash.js: pbkdf2-sha256-v1, 600,000 rounds, 32 bytes).
 */
export const PASSWORD_HASH = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const
const CURRENT_HASH_PREFIX = 'pbkdf2-sha256-v1:'

/**
 * Whether Payload checks this account's password with those parameters. A hash
 * stored before Payload's change (no prefix: 25,000 rounds) is checked about 20
 * times faster than an unknown account costs, which would tell it apart; Payload
 * rewrites it at the account's next successful login.
 */
export function hasCurrentPasswordHash(account: object): boolean {
  const { hash } = account as { hash?: unknown }
  return typeof hash === 'string' && hash.startsWith(CURRENT_HASH_PREFIX)
}

const THROWAWAY_SALT = 'broadsheet-unknown-account-0000000000000000000000000000000000000000'

/** As long as checking `password` against a real account's hash. */
export function checkPasswordOfNobody(password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    crypto.pbkdf2(
      password,
      THROWAWAY_SALT,
      PASSWORD_HASH.iterations,
      PASSWORD_HASH.keyLength,
      PASSWORD_HASH.digest,
      (error) => (error ? reject(error) : resolve()),
    )
  })
}
