import type { SendMailOptions } from 'nodemailer'
import { createTransport } from 'nodemailer'
import type { EmailAdapter } from 'payload'

import { env } from '@/env'
import { site } from '@/lib/site'

/**
 * Payload's email adapter over SMTP when SMTP_HOST is set (a send is not
 * awaited: failures go to the log); otherwise Payload's
 * console adapter writes each message's recipients and subject to the log.
 *
 * Written here rather than taken from @payloadcms/email-nodemailer: that
 * package is published only as 3.90.1, and Payload refuses to start when its
 * packages' versions differ (we are on 3.90.2). It is nodemailer either way.
 */
export function emailAdapter(): EmailAdapter | undefined {
  if (!env.SMTP_HOST) return undefined
  const transport = createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_PORT === 465,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
  })
  const from = { name: site.name, address: env.EMAIL_FROM }
  return ({ payload }) => ({
    name: 'smtp',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    // Sent off the request path: Payload's forgot-password awaits the send only for a real
    // account, so an awaited SMTP round trip would tell anyone which addresses have one.
    sendEmail: async (message) => {
      transport
        .sendMail({ from, ...(message as SendMailOptions) })
        .catch((error: unknown) => payload.logger.error({ err: error }, 'Email not sent'))
    },
  })
}
