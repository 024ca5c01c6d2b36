import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'

import { env } from '@/env'
import { emailAdapter } from '@/lib/email'

import { testPayload } from '../support/payload'

// A real SMTP peer (the `smtp-server` package) on a free port: what it receives is what an
// editor's mailbox would.
interface Received {
  from: string
  to: string[]
  data: string
}

const received: Received[] = []
/** Messages are accepted only once this resolves (each test sets it). */
let accept: Promise<void> = Promise.resolve()
let refuseRecipients = false
let server: SMTPServer
let port: number

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseRecipients) return callback(new Error('No such mailbox here'))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        void accept.then(() => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            data: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function smtpAdapter() {
  const adapter = await emailAdapter({ ...env, SMTP_HOST: '127.0.0.1', SMTP_PORT: port })
  if (!adapter) throw new Error('expected an SMTP adapter with SMTP_HOST set')
  return adapter({ payload: await testPayload() })
}

describe('email over SMTP (@payloadcms/email-nodemailer)', () => {
  it('delivers a message from the newsroom’s address to the SMTP server', async () => {
    const adapter = await smtpAdapter()
    const subject = `Comment awaiting moderation ${Date.now()}`
    await adapter.sendEmail({ to: 'editor@broadsheet.test', subject, text: 'Grace wrote: hello' })
    await vi.waitFor(() => expect(received.some((m) => m.data.includes(subject))).toBe(true), {
      timeout: 10_000,
    })
    const message = received.find((m) => m.data.includes(subject))!
    expect(message.from).toBe(env.EMAIL_FROM)
    expect(message.to).toEqual(['editor@broadsheet.test'])
    expect(message.data).toMatch(/^From: Broadsheet <newsroom@localhost>/m)
    expect(message.data).toContain('Grace wrote: hello')
  })

  it('does not wait for the SMTP server: a send returns before the server has taken the message', async () => {
    const adapter = await smtpAdapter()
    let release!: () => void
    accept = new Promise((resolve) => (release = resolve))
    onTestFinished(() => {
      release()
      accept = Promise.resolve()
    })
    const subject = `Reset your password ${Date.now()}`
    await adapter.sendEmail({ to: 'someone@broadsheet.test', subject, text: 'a link' })
    // Resolved while the server still holds the message: a forgot-password request answers
    // in the same time whether or not the account exists.
    expect(received.some((m) => m.data.includes(subject))).toBe(false)
    release()
    await vi.waitFor(() => expect(received.some((m) => m.data.includes(subject))).toBe(true), {
      timeout: 10_000,
    })
  })

  it('logs a message the server refuses, and the send still returns normally', async () => {
    const payload = await testPayload()
    const adapter = await smtpAdapter()
    const logged = vi.spyOn(payload.logger, 'error')
    refuseRecipients = true
    onTestFinished(() => {
      refuseRecipients = false
      logged.mockRestore()
    })
    await expect(
      adapter.sendEmail({ to: 'nobody@broadsheet.test', subject: 'Refused', text: 'x' }),
    ).resolves.toBeUndefined()
    await vi.waitFor(
      () => expect(logged).toHaveBeenCalledWith(expect.anything(), 'Email not sent'),
      {
        timeout: 10_000,
      },
    )
  })

  it('is the console adapter (none of ours) when SMTP_HOST is unset', () => {
    expect(emailAdapter({ ...env, SMTP_HOST: undefined })).toBeUndefined()
  })
})
