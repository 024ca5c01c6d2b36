import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

import { env } from '@/env'
import { site } from '@/lib/site'

/** The SMTP settings from the environment (SMTP_*, EMAIL_FROM), as the official adapter takes them. */
export function smtpOptions(settings = env) {
  return {
    defaultFromAddress: settings.EMAIL_FROM,
    defaultFromName: site.name,
    // No connection at start-up: an unreachable server must not hold up the app (nodemailer
    // waits up to two minutes); a failing send is logged instead.
    skipVerify: true,
    transportOptions: {
      host: settings.SMTP_HOST,
      port: settings.SMTP_PORT,
      secure: settings.SMTP_PORT === 465,
      auth: settings.SMTP_USER ? { user: settings.SMTP_USER, pass: settings.SMTP_PASS } : undefined,
    },
  }
}

/**
 * Payload's official nodemailer adapter over SMTP when SMTP_HOST is set; otherwise none, and
 * Payload's console adapter writes each message's recipients and subject to the log.
 *
 * The official adapter awaits each send; this wraps its `sendEmail` so that a send is started
 * and not awaited (failures go to the log). Payload's forgot-password awaits the send only for
 * a real account, so an awaited SMTP round trip would tell anyone which addresses have one.
 */
export function emailAdapter(settings = env): Promise<EmailAdapter> | undefined {
  if (!settings.SMTP_HOST) return undefined
  return nodemailerAdapter(smtpOptions(settings)).then((official) => (args) => {
    const adapter = official(args)
    return {
      ...adapter,
      sendEmail: async (message) => {
        adapter
          .sendEmail(message)
          .catch((error: unknown) => args.payload.logger.error({ err: error }, 'Email not sent'))
      },
    }
  })
}
