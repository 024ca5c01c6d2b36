import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The Local API on the run's database (tests/int/setup.ts points the config at it). */
export function testPayload(): Promise<Payload> {
  return getPayload({ config })
}
