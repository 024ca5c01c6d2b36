/** Longer search queries are refused with a 400 (see proxy.ts): nobody types more. */
export const MAX_QUERY_LENGTH = 200
