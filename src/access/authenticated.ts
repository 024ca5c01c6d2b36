import type { PayloadRequest } from 'payload'

/** Any logged-in newsroom user. Roles narrow this in the editorial-workflow issue. */
export const authenticated = ({ req: { user } }: { req: PayloadRequest }): boolean => Boolean(user)
