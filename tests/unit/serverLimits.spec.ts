import { describe, expect, it } from 'vitest'

import { BODY_LIMITS, slowBodyReason } from '@/server/limits'

const started = 1_000_000
const at = (seconds: number) => started + seconds * 1000

describe('a request body that arrives too slowly', () => {
  it('is cut off once it averages under 500 bytes a second after its first 10 s', () => {
    // A slowloris: a byte a second.
    const trickle = (seconds: number) => ({
      started,
      startBytes: 0,
      lastBytes: seconds,
      lastProgress: at(seconds),
    })
    expect(slowBodyReason(trickle(10), at(10))).toBeNull()
    expect(slowBodyReason(trickle(11), at(11))).toMatch(/under 500 bytes a second/)
  })

  it('is never cut off for its length while it keeps arriving at a slow link’s pace', () => {
    // A 20 MB image at 40 kbit/s (5 KB a second) for an hour and more.
    for (const seconds of [5, 60, 600, 4_000]) {
      const state = {
        started,
        startBytes: 0,
        lastBytes: seconds * 5_000,
        lastProgress: at(seconds),
      }
      expect(slowBodyReason(state, at(seconds) + 900)).toBeNull()
    }
  })

  it('is cut off after 30 s with nothing new, however fast it came before', () => {
    const state = { started, startBytes: 0, lastBytes: 10_000_000, lastProgress: at(20) }
    expect(slowBodyReason(state, at(20 + 29))).toBeNull()
    expect(slowBodyReason(state, at(20 + BODY_LIMITS.idleMs / 1000))).toMatch(
      /nothing more of the request arrived for 30 seconds/,
    )
  })
})
