import type { AfterErrorHook } from 'payload'

type Detailed = {
  data?: { errors?: unknown[] }
  status?: number
  isPublic?: boolean
  message?: string
}

/**
 * In a production build Next bundles Payload more than once, so a field
 * ValidationError raised by one copy fails the `instanceof` test of the copy
 * that formats the REST answer: the per-field messages are dropped and the
 * admin can only toast "The following field is invalid" (payloadcms/payload
 * #17298). This puts the messages back for public 4xx errors, so editors see
 * them next to the fields, in production as in development.
 */
export const keepValidationDetails: AfterErrorHook = ({ error, result }) => {
  const detailed = error as Detailed
  const status = detailed.status ?? 500
  if (status >= 500 || detailed.isPublic === false || !Array.isArray(detailed.data?.errors)) return
  const errors = (result as { errors?: { data?: unknown }[] } | undefined)?.errors
  if (!errors?.[0] || errors[0].data) return
  return {
    response: {
      ...result,
      errors: [{ name: 'ValidationError', data: detailed.data, message: detailed.message }],
    },
  }
}
