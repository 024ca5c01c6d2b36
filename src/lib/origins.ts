import { env } from '@/env'

const publicUrl = new URL(env.NEXT_PUBLIC_SERVER_URL)

/**
 * The origins the site is served at: NEXT_PUBLIC_SERVER_URL's, then any in
 * ALLOWED_ORIGINS. A logged-in request (Payload's cors and csrf) or a comment
 * from a page on any other origin is someone else's page acting for the reader.
 */
export const siteOrigins: string[] = [
  publicUrl.origin,
  ...env.ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
]

/** Readers reach the site over https: cookies are Secure and browsers are told to stay on https. */
export const servedOverHttps = publicUrl.protocol === 'https:'
