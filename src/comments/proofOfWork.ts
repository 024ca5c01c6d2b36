import { createChallenge, randomInt, type Challenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2'
import { verify } from 'altcha-lib/frameworks/shared'

import { derivedSecret } from '@/lib/secrets'

const CHALLENGE_LIFETIME_MS = 20 * 60 * 1000

/**
 * An ALTCHA proof-of-work challenge. Deterministic mode (a known counter)
 * makes issuing and verifying cost the server one key derivation, while a
 * browser needs about a second of work per comment.
 */
export function issueChallenge(): Promise<Challenge> {
  return createChallenge({
    algorithm: 'PBKDF2/SHA-256',
    cost: 1000,
    counter: randomInt(2500, 5000),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS),
    hmacSignatureSecret: derivedSecret('altcha-signature'),
    hmacKeySignatureSecret: derivedSecret('altcha-key'),
  })
}

export type ProofCheck = { ok: true; challengeId: string } | { ok: false; reason: string }

/**
 * Checks a solved challenge (the widget's base64 payload). Replay is refused
 * by the caller: the challenge id is stored with the comment under a unique
 * index, so a second comment with the same solution cannot be written.
 */
export async function checkProof(payload: string): Promise<ProofCheck> {
  const result = await verify(
    payload,
    deriveKey,
    derivedSecret('altcha-signature'),
    derivedSecret('altcha-key'),
  )
  if (result.error || !result.payload || !('challenge' in result.payload)) {
    return { ok: false, reason: result.error ?? 'invalid payload' }
  }
  return { ok: true, challengeId: result.payload.challenge.parameters.nonce }
}
