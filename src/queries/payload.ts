import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The frontend's one door to Payload; only modules in src/queries use it. */
export function payloadClient(): Promise<Payload> {
  // With the jobs runner: whichever request starts Payload first starts scheduled publishing too.
  return getPayload({ config, cron: true })
}
