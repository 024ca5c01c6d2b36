import { createHash, createHmac } from 'node:crypto'

import { env } from '@/env'

/** A key for one purpose, derived from PAYLOAD_SECRET so one secret rotates them all. */
export function derivedSecret(purpose: string): string {
  return createHmac('sha256', env.PAYLOAD_SECRET).update(`broadsheet:${purpose}`).digest('hex')
}

export function hmac(purpose: string, value: string): string {
  return createHmac('sha256', derivedSecret(purpose)).update(value).digest('base64url')
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}
